// Worker-thread entry: Node 20 does not apply `--import tsx` from a Worker's execArgv to
// the worker's own module graph, so register tsx here and then load the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./client-worker.ts')

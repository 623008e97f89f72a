/** Types of tldraw-sync-app.mjs, for the browser benchmark that starts it in-process. */
export function startTldrawSyncServer(options?: {
  port?: number
  staticDir?: string
}): Promise<{ port: number; close(): Promise<void> }>

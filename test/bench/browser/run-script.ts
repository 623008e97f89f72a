/**
 * Runs a benchmark script's `main` and exits: 0 when it is done (tldraw and Chromium keep
 * timers alive in Node), 1 with the error's stack when it failed.
 */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      )
      process.exit(1)
    },
  )
}

/** The logger shape shared with the server (pino-compatible): structured object first. */
export interface Logger {
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
  info?(obj: object, msg?: string): void
}

/** Used when no logger is injected: faults stay visible in the browser console. */
export const consoleLogger: Logger = {
  warn: (obj, msg) => console.warn(`[stip/board] ${msg ?? ''}`, obj),
  error: (obj, msg) => console.error(`[stip/board] ${msg ?? ''}`, obj),
}

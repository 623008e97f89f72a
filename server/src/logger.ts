import pino from 'pino'
import type { Config } from './config'

export type Logger = pino.Logger

/** The process logger: JSON lines on stdout, one child per module (`logger.child({ module })`). */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { app: 'stip' } })
}

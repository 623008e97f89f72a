import type { Context, ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ClientErrorStatusCode, ServerErrorStatusCode } from 'hono/utils/http-status'
import type { Logger } from '../logger'

/**
 * The one way a route refuses a request (SPEC.md, http rule H1): thrown, and answered by
 * `jsonErrors` as `{"error": message}` with its status, the same shape from every endpoint.
 */
export function httpError(
  status: ClientErrorStatusCode | ServerErrorStatusCode,
  message: string,
): HTTPException {
  return new HTTPException(status, { message })
}

/** Answers thrown HTTPExceptions as `{error}` JSON; anything else is logged and becomes a 500. */
export function jsonErrors(logger: Logger): ErrorHandler {
  return (error: Error, c: Context) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status)
    logger.error({ error, path: c.req.path }, 'unhandled request error')
    return c.json({ error: 'internal error' }, 500)
  }
}

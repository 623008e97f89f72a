import type { Context, ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ClientErrorStatusCode, ServerErrorStatusCode } from 'hono/utils/http-status'
import type { Logger } from '../logger'

/** A refusal with a stable machine-readable code, which the client maps to its own words. */
class CodedHttpException extends HTTPException {
  constructor(
    status: ClientErrorStatusCode | ServerErrorStatusCode,
    message: string,
    readonly code: string,
    readonly headers: Record<string, string>,
  ) {
    super(status, { message })
  }
}

/**
 * The one way a route refuses a request (SPEC.md, http rule H1): thrown, and answered by
 * `jsonErrors` as `{"error": message}` with its status, the same shape from every endpoint;
 * with `code`, `{"error", "code"}` (quotas and creation rules: docs/operations.md), and
 * `headers` on the answer (a 429's Retry-After).
 */
export function httpError(
  status: ClientErrorStatusCode | ServerErrorStatusCode,
  message: string,
  code?: string,
  headers: Record<string, string> = {},
): HTTPException {
  return code === undefined
    ? new HTTPException(status, { message })
    : new CodedHttpException(status, message, code, headers)
}

/** Answers thrown HTTPExceptions as `{error}` JSON; anything else is logged and becomes a 500. */
export function jsonErrors(logger: Logger): ErrorHandler {
  return (error: Error, c: Context) => {
    if (error instanceof CodedHttpException) {
      return c.json({ error: error.message, code: error.code }, error.status, error.headers)
    }
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status)
    logger.error({ error, path: c.req.path }, 'unhandled request error')
    return c.json({ error: 'internal error' }, 500)
  }
}

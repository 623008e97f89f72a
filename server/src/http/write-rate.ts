import type { MiddlewareHandler } from 'hono'
import type { RateLimit } from '../limits/rate-limit'
import type { Logger } from '../logger'
import { httpError } from './http-error'
import type { BoardEnv } from './require-role'

/**
 * Middleware factory: counts a write into the `:boardId` board by the link that makes it and
 * refuses it with 429 `write-rate` (and Retry-After) past `limit`, before anything is stored.
 * Runs after the role check, which says whose link it is.
 *
 * Counted per board and link, not per address: a workshop of 30 often shares one NAT address
 * and one editor link, so an address says nothing a link does not; and a leaked link used
 * from many addresses must still be held to one budget. A signing link counts apart per
 * organisation, so one partner's flood never stops another from signing. The facilitator's
 * link is not counted: it may delete the board anyway, and the chair must never be stopped
 * mid-session. Renewing a flooded editor link shuts its writer out at once (401); the budget
 * the new link shares with it comes back within the window.
 */
export function writeRate(limit: RateLimit, logger: Logger): MiddlewareHandler<BoardEnv> {
  return async (c, next) => {
    const role = c.get('role')
    if (role !== 'facilitator') {
      const boardId = c.req.param('boardId')
      const signsFor = c.get('signsFor')
      const link = signsFor ? `signing:${signsFor.organisationId}` : role
      const { allowed, firstRefused, retryAfterMs } = await limit.take(`${boardId}:${link}`)
      // Once per window: a flood is one line in the log, and the facilitator may renew the link.
      if (firstRefused) logger.warn({ boardId, link }, 'write rate reached; writes refused')
      if (!allowed) {
        const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
        throw httpError(
          429,
          `too many changes to this board through this link; try again in ${seconds} s`,
          'write-rate',
          { 'Retry-After': String(seconds) },
        )
      }
    }
    await next()
  }
}

import type { Role } from '@stip/protocol'
import type { MiddlewareHandler } from 'hono'
import type { BoardAccess } from '../auth/board-access'
import { clientAddress } from './client-address'
import { httpError } from './http-error'

/** What a board route knows about its caller once the token was checked. */
export type BoardEnv = {
  Variables: { role: Role; signsFor: { organisationId: string } | undefined }
}

/**
 * Middleware factory: admits a request whose token (Bearer header, or `?token=` for plain
 * download links) grants one of `roles` on the board in the `:boardId` param; 401 without a
 * valid token, 403 with the wrong role. No roles: any valid token.
 */
export function createRequireRole(access: BoardAccess) {
  return (...roles: Role[]): MiddlewareHandler<BoardEnv> =>
    async (c, next) => {
      const header = c.req.header('authorization')
      const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1]
      const result = await access(
        c.req.param('boardId')!,
        bearer ?? c.req.query('token'),
        clientAddress(c),
      )
      if (!result.ok) {
        throw result.reason === 'too-many-failures'
          ? httpError(429, 'too many wrong tokens from this address; wait a minute')
          : httpError(401, 'missing or wrong token')
      }
      if (roles.length > 0 && !roles.includes(result.role)) {
        throw httpError(403, `this needs the ${roles.join(' or ')} link`)
      }
      c.set('role', result.role)
      c.set('signsFor', result.signsFor)
      await next()
    }
}

export type RequireRole = ReturnType<typeof createRequireRole>

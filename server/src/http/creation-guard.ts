import { createHash, timingSafeEqual } from 'node:crypto'
import { BlockList, isIPv4 } from 'node:net'
import type { Context, MiddlewareHandler } from 'hono'
import type { Config } from '../config'
import type { RateLimit } from '../limits/rate-limit'
import { clientAddress } from './client-address'
import { httpError } from './http-error'

/** The header that carries the creation key (BOARD_CREATION_KEY). */
export const CREATION_KEY_HEADER = 'stip-creation-key'

export interface CreationRules {
  keyRequired: boolean
  /** Whether this address may create boards (always true without BOARD_CREATION_ALLOW). */
  addressAllowed(c: Context): boolean
  /** Refuses a creation that breaks a rule: 403 outside the allow-list, 401 without the key. */
  guard: MiddlewareHandler
}

/**
 * Who may create boards (docs/operations.md): an optional key (compared in constant time,
 * wrong keys counted as failed tokens per address) and/or an optional allow-list of
 * addresses. Neither set: anyone who reaches the server may, as in a laptop workshop.
 */
export function creationRules(
  config: Pick<Config, 'boardCreationKey' | 'boardCreationAllow'>,
  failures: RateLimit,
): CreationRules {
  const allowList = config.boardCreationAllow
  const blockList = new BlockList()
  for (const range of allowList ?? [])
    blockList.addSubnet(range.address, range.prefix, range.family)
  const expectedKey = config.boardCreationKey === undefined ? null : digest(config.boardCreationKey)

  const addressAllowed = (c: Context) => {
    if (!allowList) return true
    const address = clientAddress(c).replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
    return blockList.check(address, isIPv4(address) ? 'ipv4' : 'ipv6')
  }

  return {
    keyRequired: expectedKey !== null,
    addressAllowed,
    guard: async (c, next) => {
      if (!addressAllowed(c)) {
        throw httpError(403, 'boards may not be created from this address', 'creation-not-allowed')
      }
      if (expectedKey) {
        const address = clientAddress(c)
        const presented = c.req.header(CREATION_KEY_HEADER)
        if (presented === undefined || presented === '') {
          throw httpError(401, 'creating a board needs the creation key', 'creation-key-required')
        }
        const valid = timingSafeEqual(digest(presented), expectedKey)
        if (!valid) {
          if (await failures.isOver(address)) {
            throw httpError(
              429,
              'too many wrong keys from this address; wait a minute',
              'too-many-failures',
            )
          }
          await failures.add(address)
          throw httpError(401, 'the creation key is not right', 'creation-key-wrong')
        }
      }
      await next()
    },
  }
}

/** Equal-length digests, so the comparison's time says nothing about the key's length. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

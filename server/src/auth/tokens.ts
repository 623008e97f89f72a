import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Role } from '@stip/protocol'
import type { SigningTokenRecord, TokenRecord } from '../store/board-store'

/** 192 random bits, URL-safe: the secret of a share link. */
export function generateToken(): string {
  return randomBytes(24).toString('base64url')
}

/** Tokens are stored only as SHA-256 hashes; a leaked database reveals no link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/

/**
 * The role a presented token grants on a board, or null. Every stored hash is compared in
 * constant time, whether or not an earlier one matched, so timing tells nothing.
 */
export function roleForToken(
  tokens: TokenRecord[],
  presented: string | undefined | null,
): Role | null {
  return matchToken(tokens, presented)?.role ?? null
}

/** The organisation whose signing link `presented` is, or null; compared like roleForToken. */
export function organisationForSigningToken(
  tokens: SigningTokenRecord[],
  presented: string | undefined | null,
): string | null {
  return matchToken(tokens, presented)?.organisationId ?? null
}

function matchToken<T extends { hash: string }>(
  tokens: T[],
  presented: string | undefined | null,
): T | null {
  if (!presented || !TOKEN_SHAPE.test(presented)) return null
  const presentedHash = Buffer.from(hashToken(presented), 'hex')
  let match: T | null = null
  for (const token of tokens) {
    const stored = Buffer.from(token.hash, 'hex')
    if (stored.length === presentedHash.length && timingSafeEqual(stored, presentedHash))
      match = token
  }
  return match
}

import type { MessageKey } from '../i18n/messages'
import { ApiError } from './http'

/** The server's quota and creation codes the catalogues have words for (docs/operations.md). */
const CODES = [
  'creation-key-required',
  'creation-key-wrong',
  'creation-not-allowed',
  'too-many-failures',
  'board-creation-rate',
  'board-creation-rate-address',
  'board-assets-full',
  'too-many-versions',
] as const

/** The catalogue key for an error the server answered with a known `code`, else null. */
export function apiErrorMessageKey(error: unknown): MessageKey | null {
  if (!(error instanceof ApiError) || error.code === undefined) return null
  return (CODES as readonly string[]).includes(error.code)
    ? (`apiError.${error.code}` as MessageKey)
    : null
}

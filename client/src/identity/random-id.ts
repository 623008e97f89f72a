const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * A random url-safe id. Uses `crypto.getRandomValues`, which browsers give on every origin,
 * unlike `crypto.randomUUID` (secure contexts only): a workshop on the LAN over plain HTTP is
 * not a secure context.
 */
export function randomId(length = 21): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte & 63]
  return id
}

/** A short random id for rounds, votes, summons and agenda steps. */
export function newId(): string {
  return randomId(12)
}

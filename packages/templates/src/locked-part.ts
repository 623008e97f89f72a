import { LOCKABLE_PARTS, readTemplateMeta } from './template-meta'

/**
 * A werkvorm's frame, lane, title, prompt or scale that the facilitator has locked: people add
 * notes on it, but only the facilitator may move, resize, change or delete it. The server
 * enforces it (server/src/auth/authorize-update.ts) and every participant's editor guards it.
 * Read from a stored record, so the check accepts anything and never throws.
 */
export function isLockedTemplatePart(record: unknown): boolean {
  if (typeof record !== 'object' || record === null) return false
  const shape = record as { isLocked?: unknown; meta?: unknown }
  const meta = readTemplateMeta(shape)
  if (!meta || !LOCKABLE_PARTS.has(meta.stipPart)) return false
  return shape.isLocked === true || (shape.meta as { stipLocked?: unknown }).stipLocked === true
}

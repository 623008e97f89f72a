/**
 * Whether a note is a copy that "Zet winnaars in Kernwaarden" made of a winning note. The
 * original still counts where it was written; the copy would count it twice, so the report and
 * "wie wordt gehoord" leave copies out. `promotedFrom` is how copies were marked before.
 */
export function isPromotedCopy(shape: { meta?: unknown }): boolean {
  const meta = shape.meta as Record<string, unknown> | undefined
  if (typeof meta !== 'object' || meta === null) return false
  return typeof meta.stipPromotedFrom === 'string' || typeof meta.promotedFrom === 'string'
}

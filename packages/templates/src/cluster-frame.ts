/**
 * A cluster on the board: a tldraw frame, inside a werkvorm, that holds the notes the
 * begeleider grouped under one name ("rode draad"). It is a grouping within its werkvorm, not
 * a werkvorm of its own: votes, "wie wordt gehoord" and the report count its notes in the
 * werkvorm and section around it.
 */
export const CLUSTER_META_KEY = 'stipCluster'

export function isClusterFrame(shape: { type: string; meta?: unknown }): boolean {
  const meta = shape.meta as Record<string, unknown> | undefined
  return shape.type === 'frame' && typeof meta === 'object' && meta?.[CLUSTER_META_KEY] === true
}

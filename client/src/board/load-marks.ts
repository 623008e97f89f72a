/** Phases of opening a board, in the order they happen. */
export type BoardLoadPhase =
  | 'connection-created'
  | 'doc-ready'
  | 'store-bound'
  | 'fonts-loaded'
  | 'editor-mounted'

/**
 * Leaves a User Timing mark (`stip:<phase>`) for the browser speed benchmark
 * (test/bench/browser) and the browser's own performance panel; costs next to nothing.
 */
export function markBoardLoad(phase: BoardLoadPhase): void {
  performance.mark(`stip:${phase}`)
}

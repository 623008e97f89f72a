/**
 * Rough height of a lane's heading and question (22px text, top of the lane), so a note put
 * into the lane sits below them: the example note when a werkvorm is built, a note added or
 * moved from the list view later. `lines` are the label's lines, heading first.
 */
export function laneLabelHeight(laneWidth: number, lines: readonly string[]): number {
  const charsPerLine = Math.max(20, Math.floor((laneWidth - 48) / 11))
  const rows = lines.reduce(
    (sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)),
    0,
  )
  return 40 + rows * 32
}

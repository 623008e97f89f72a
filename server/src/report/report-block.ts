import type { Run } from '../documents/tagged-pdf'
import type { BoardScene } from './board-scene'

/** The report as a list of blocks: Markdown, PDF and Word each render the same list. */
export type ReportBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { type: 'paragraph'; runs: Run[]; muted?: boolean }
  | { type: 'list'; items: Run[][]; ordered?: boolean }
  | { type: 'table'; header: string[]; rows: string[][]; widths: number[] }
  | { type: 'figure'; alt: string; scene: BoardScene }

import { type AnchoredPassage, anchoredMarks } from './anchored-marks'

/** An open amendment's passage, as the editor marks it. */
export interface MarkedPassage extends AnchoredPassage {
  number: number
  label: string
}

/**
 * Underlines the passages of open amendments in the text, numbered, so a reader sees where a
 * change is proposed.
 */
const amendmentMarks = anchoredMarks<MarkedPassage>('amendmentMarks', (passage) => ({
  class: 'amendment-mark',
  'data-amendment': String(passage.number),
  title: passage.label,
}))

export const AmendmentMarks = amendmentMarks.extension

/** Tells the editor which passages to mark. */
export const setMarkedPassages = amendmentMarks.setPassages

import type { TemplateId } from '@stip/protocol'
import type { TLDefaultColorStyle } from '@tldraw/tlschema'

/** A text in both product languages; Dutch is the product's own label. */
export interface Label {
  nl: string
  en: string
}

export type Locale = keyof Label

/** An organisation of the board, as the templates need it (vijf-knoppen markers, value lanes). */
export interface TemplateOrganisation {
  id: string
  name: string
  /** `#rrggbb`; mapped to the nearest tldraw colour on the canvas. */
  color: string
}

/**
 * One lane of a werkvorm: a light rectangle with a heading and the question people answer
 * with notes. `dial` lanes (vijf-knoppen) also get a scale and one marker per organisation.
 */
export interface SectionSpec {
  key: string
  label: Label
  prompt: Label
  color: TLDefaultColorStyle
  /** Share of the row's width; 1 unless said otherwise. */
  span?: number
  kind?: 'lane' | 'dial'
}

export interface RowSpec {
  height: number
  sections: SectionSpec[]
  /** Column slots of the row; defaults to the sum of the spans (a short row leaves a gap). */
  columns?: number | undefined
}

/** The data of one werkvorm; the builder turns it into tldraw records. */
export interface TemplateSpec {
  id: TemplateId
  title: Label
  /** One or two sentences under the title: how the group works with this board. */
  intro: Label
  /** Width of the frame in page units. */
  width: number
  /** Rows of lanes, top to bottom; may depend on the board's organisations. */
  rows(organisations: readonly TemplateOrganisation[]): RowSpec[]
  /** One example note, so people see at once what goes where. */
  example: { section: string; text: Label }
}

/** Both ends of every vijf-knoppen dial. */
export const DIAL_ENDS = {
  low: { nl: 'Fijnafstemming', en: 'Fine-tuning' },
  high: { nl: 'Fundamentele omslag', en: 'Fundamental turn' },
} as const satisfies Record<string, Label>

/** Every key a template declares for these organisations, in board order. */
export function sectionKeys(
  spec: TemplateSpec,
  organisations: readonly TemplateOrganisation[],
): string[] {
  return spec.rows(organisations).flatMap((row) => row.sections.map((section) => section.key))
}

import type { Amendment, AmendmentStance } from '@stip/board/doc-model'

/** One amendment as the exports print it: a heading line and its facts, one per line. */
export interface AmendmentEntry {
  heading: string
  lines: string[]
}

/** The amendments of one manifesto section, in the order they were proposed. */
export interface AmendmentSection {
  title: string
  amendments: AmendmentEntry[]
}

export const AMENDMENT_LABELS = {
  heading: 'Amendementen',
  intro:
    'Voorstellen van partners om een passage te vervangen, de antwoorden van de andere organisaties en het besluit van de voorzitter.',
  amendment: 'Amendement',
  noSection: 'Zonder sectie',
  passage: 'Passage',
  replacement: 'Wordt',
  removed: '(geschrapt)',
  reason: 'Toelichting',
  proposedBy: 'Voorgesteld door',
  answers: 'Reacties',
  noAnswers: 'Nog geen reacties',
  status: { open: 'in behandeling', accepted: 'aangenomen', rejected: 'verworpen' },
  decisionNote: 'Besluit',
  carried: (title: string, number: number) =>
    `Overgenomen uit de sessie "${title}", waar het amendement ${number} was`,
  stance: { support: 'steunt', object: 'maakt bezwaar', abstain: 'onthoudt zich' } satisfies Record<
    AmendmentStance,
    string
  >,
  signedAfter: (ranges: string) => `ondertekend na amendementen ${ranges}`,
  signedAfterOne: (number: string) => `ondertekend na amendement ${number}`,
} as const

const L = AMENDMENT_LABELS

function entry(amendment: Amendment): AmendmentEntry {
  const answers = Object.values(amendment.responses)
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'nl'))
    .map(
      (answer) =>
        `${answer.organisationName} ${L.stance[answer.stance]}${answer.reason ? `: ${answer.reason}` : ''}`,
    )
  const lines = [
    `${L.proposedBy}: ${amendment.organisationName}${amendment.proposerName ? ` (${amendment.proposerName})` : ''}`,
    `${L.passage}: \u201c${amendment.original}\u201d`,
    `${L.replacement}: ${amendment.replacement ? `\u201c${amendment.replacement}\u201d` : L.removed}`,
    `${L.reason}: ${amendment.reason}`,
    `${L.answers}: ${answers.length > 0 ? answers.join('; ') : L.noAnswers}`,
  ]
  if (amendment.decision?.note) lines.push(`${L.decisionNote}: ${amendment.decision.note}`)
  if (amendment.carriedFrom) {
    lines.push(L.carried(amendment.carriedFrom.title, amendment.carriedFrom.number))
  }
  return {
    heading: `${L.amendment} ${amendment.number} \u2013 ${amendment.organisationName} \u2013 ${L.status[amendment.status]}`,
    lines,
  }
}

/** The amendments grouped by the section their passage was in, sections in order of first use. */
export function amendmentHistory(amendments: readonly Amendment[]): AmendmentSection[] {
  const sections = new Map<string, AmendmentSection>()
  for (const amendment of amendments) {
    const title = amendment.sectionTitle || L.noSection
    const key = amendment.sectionKey ?? title
    const section = sections.get(key) ?? { title, amendments: [] }
    section.amendments.push(entry(amendment))
    sections.set(key, section)
  }
  return [...sections.values()]
}

/** "ondertekend na amendementen 1–4", or null when none had been accepted yet. */
export function signedAfterWords(ranges: string, count: number): string | null {
  if (count === 0) return null
  return count === 1 ? L.signedAfterOne(ranges) : L.signedAfter(ranges)
}

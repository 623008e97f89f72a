import type {
  Amendment,
  AmendmentStance,
  AmendmentStatus,
  EarlierAmendment,
  PreviousSession,
} from '@stip/board/doc-model'
import type { Locale } from '@stip/templates'
import type { Run } from '../documents/tagged-pdf'
import type { ReportBlock } from './report-block'

/** The chapter's own words, Dutch first; kept beside its builder so chapters merge apart. */
export const AMENDMENT_REPORT_WORDS = {
  nl: {
    heading: 'Amendementen',
    intro:
      'Voorstellen van partners om een passage van het manifest te vervangen, per sectie: de antwoorden van de andere organisaties en het besluit van de voorzitter.',
    none: 'Er zijn geen amendementen voorgesteld.',
    noSection: 'Zonder sectie',
    amendment: (number: number, organisation: string, status: string) =>
      `Amendement ${number} \u2013 ${organisation} \u2013 ${status}`,
    status: {
      open: 'open, nog niet besloten',
      accepted: 'aangenomen',
      rejected: 'verworpen',
    } satisfies Record<AmendmentStatus, string>,
    proposedBy: 'Voorgesteld door',
    passage: 'Passage',
    becomes: 'wordt',
    removed: '(geschrapt)',
    reason: 'Toelichting',
    answer: 'Reactie',
    noAnswers: 'Nog geen reacties van de andere organisaties.',
    stance: {
      support: 'steunt',
      object: 'maakt bezwaar',
      abstain: 'onthoudt zich',
    } satisfies Record<AmendmentStance, string>,
    decision: 'Besluit',
    openDecision: 'De voorzitter heeft nog niet besloten.',
    note: 'toelichting van de voorzitter',
    carried: (title: string, number: number) =>
      `Overgenomen uit de sessie "${title}", waar het amendement ${number} was.`,
    earlier: (title: string) => `Uit de vorige sessie ("${title}")`,
    earlierIntro:
      'Besloten in de vorige sessie, of daar nog open maar niet overgenomen omdat de passage niet meer zo in de tekst staat.',
    earlierLine: (number: number, organisation: string) => `Amendement ${number} (${organisation})`,
    outcome: {
      accepted: 'aangenomen',
      rejected: 'verworpen',
      'not-carried': 'niet overgenomen',
    } satisfies Record<EarlierAmendment['outcome'], string>,
  },
  en: {
    heading: 'Amendments',
    intro:
      "Partners' proposals to replace a passage of the manifesto, per section: the other organisations' answers and the chair's decision.",
    none: 'No amendments were proposed.',
    noSection: 'No section',
    amendment: (number: number, organisation: string, status: string) =>
      `Amendment ${number} \u2013 ${organisation} \u2013 ${status}`,
    status: {
      open: 'open, not decided yet',
      accepted: 'accepted',
      rejected: 'rejected',
    } satisfies Record<AmendmentStatus, string>,
    proposedBy: 'Proposed by',
    passage: 'Passage',
    becomes: 'becomes',
    removed: '(struck out)',
    reason: 'Reason',
    answer: 'Answer',
    noAnswers: 'No answers from the other organisations yet.',
    stance: {
      support: 'supports',
      object: 'objects',
      abstain: 'abstains',
    } satisfies Record<AmendmentStance, string>,
    decision: 'Decision',
    openDecision: 'The chair has not decided yet.',
    note: "the chair's note",
    carried: (title: string, number: number) =>
      `Carried over from the session "${title}", where it was amendment ${number}.`,
    earlier: (title: string) => `From the previous session ("${title}")`,
    earlierIntro:
      'Decided in the previous session, or open there but not carried over because the passage no longer reads so in the text.',
    earlierLine: (number: number, organisation: string) => `Amendment ${number} (${organisation})`,
    outcome: {
      accepted: 'accepted',
      rejected: 'rejected',
      'not-carried': 'not carried over',
    } satisfies Record<EarlierAmendment['outcome'], string>,
  },
} as const satisfies Record<Locale, unknown>

/** The organisations' answers, by organisation name. */
const answersOf = (amendment: Amendment) =>
  Object.values(amendment.responses).sort((a, b) =>
    a.organisationName.localeCompare(b.organisationName, 'nl'),
  )

/** A passage is one line of a paragraph; a line break typed in a replacement reads as " / ". */
const oneLine = (value: string) => value.replace(/\s*\n\s*/g, ' / ')
const quoted = (value: string) => `\u201c${oneLine(value)}\u201d`

/** The amendments grouped by the manifesto section their passage was in, by first number. */
function bySection(amendments: readonly Amendment[]): Array<{ title: string; list: Amendment[] }> {
  const sections = new Map<string, { title: string; list: Amendment[] }>()
  for (const amendment of amendments) {
    const key = amendment.sectionKey ?? `title:${amendment.sectionTitle}`
    const section = sections.get(key) ?? { title: amendment.sectionTitle, list: [] }
    section.list.push(amendment)
    sections.set(key, section)
  }
  return [...sections.values()]
}

function amendmentItems(amendment: Amendment, locale: Locale, when: (at: number) => string) {
  const words = AMENDMENT_REPORT_WORDS[locale]
  // The space stays outside the bold run: Markdown's emphasis may not end in a space.
  const label = (text: string): Run[] => [{ text: `${text}:`, bold: true }, { text: ' ' }]
  const items: Run[][] = [
    [
      ...label(words.proposedBy),
      { text: amendment.organisationName },
      ...(amendment.proposerName ? [{ text: ` (${oneLine(amendment.proposerName)})` }] : []),
      { text: `, ${when(amendment.proposedAt)}` },
    ],
    [
      ...label(words.passage),
      { text: quoted(amendment.original) },
      { text: ` ${words.becomes} ` },
      amendment.replacement
        ? { text: quoted(amendment.replacement), bold: true }
        : { text: words.removed, italic: true },
    ],
    [...label(words.reason), { text: oneLine(amendment.reason) }],
  ]
  if (amendment.carriedFrom) {
    const { title, number } = amendment.carriedFrom
    items.push([{ text: words.carried(oneLine(title), number), italic: true }])
  }
  const answers = answersOf(amendment)
  if (answers.length === 0) items.push([{ text: words.noAnswers, italic: true }])
  for (const answer of answers) {
    items.push([
      ...label(words.answer),
      { text: answer.organisationName },
      { text: ' ' },
      { text: words.stance[answer.stance], italic: true },
      ...(answer.by ? [{ text: ` (${oneLine(answer.by)})` }] : []),
      ...(answer.reason ? [{ text: `: ${oneLine(answer.reason)}` }] : []),
    ])
  }
  if (amendment.decision) {
    items.push([
      ...label(words.decision),
      { text: `${words.status[amendment.status]}, ${when(amendment.decision.at)}` },
      ...(amendment.decision.note
        ? [{ text: ` \u2013 ${words.note}: ${oneLine(amendment.decision.note)}` }]
        : []),
    ])
  } else {
    items.push([...label(words.decision), { text: words.openDecision, italic: true }])
  }
  return items
}

/**
 * "Amendementen": per manifesto section each amendment with its proposer, the passage and its
 * new text, the reason, every organisation's answer and the chair's decision; open ones say so.
 * Everything people typed goes in as plain runs, which each format escapes as it renders.
 */
export function amendmentBlocks(
  amendments: readonly Amendment[],
  previous: PreviousSession | null,
  locale: Locale,
  when: (at: number) => string,
): ReportBlock[] {
  const words = AMENDMENT_REPORT_WORDS[locale]
  const blocks: ReportBlock[] = [{ type: 'heading', level: 2, text: words.heading }]
  const earlier = previous?.amendments ?? []
  if (previous && earlier.length > 0) {
    blocks.push(
      { type: 'heading', level: 3, text: words.earlier(previous.title) },
      { type: 'paragraph', runs: [{ text: words.earlierIntro }], muted: true },
      { type: 'list', items: earlier.map((a) => earlierItem(a, locale)) },
    )
  }
  if (amendments.length === 0) {
    blocks.push({ type: 'paragraph', runs: [{ text: words.none }], muted: true })
    return blocks
  }
  blocks.push({ type: 'paragraph', runs: [{ text: words.intro }], muted: true })
  for (const section of bySection(amendments)) {
    blocks.push({ type: 'heading', level: 3, text: section.title || words.noSection })
    for (const amendment of section.list) {
      blocks.push({
        type: 'heading',
        level: 4,
        text: words.amendment(
          amendment.number,
          amendment.organisationName,
          words.status[amendment.status],
        ),
      })
      blocks.push({ type: 'list', items: amendmentItems(amendment, locale, when) })
    }
  }
  return blocks
}

/** One amendment of the previous session: who proposed what, and how it ended. */
function earlierItem(amendment: EarlierAmendment, locale: Locale): Run[] {
  const words = AMENDMENT_REPORT_WORDS[locale]
  return [
    { text: `${words.earlierLine(amendment.number, amendment.organisationName)}:`, bold: true },
    { text: ` ${quoted(amendment.original)} ${words.becomes} ` },
    amendment.replacement
      ? { text: quoted(amendment.replacement) }
      : { text: words.removed, italic: true },
    { text: ' \u2013 ' },
    { text: words.outcome[amendment.outcome], italic: true },
    ...(amendment.note ? [{ text: ` (${words.note}: ${oneLine(amendment.note)})` }] : []),
  ]
}

/**
 * The amendments as rows of the report's CSV (werkvorm, onderdeel, organisatie, auteur, tekst,
 * stand): one row per amendment (the proposer's), then one per organisation's answer.
 */
export function amendmentCsvRows(amendments: readonly Amendment[], locale: Locale): string[][] {
  const words = AMENDMENT_REPORT_WORDS[locale]
  const rows: string[][] = []
  for (const a of amendments) {
    const section = a.sectionTitle || words.noSection
    const change = `${quoted(a.original)} ${words.becomes} ${a.replacement ? quoted(a.replacement) : words.removed}`
    const note = a.decision?.note ? ` \u2013 ${words.note}: ${oneLine(a.decision.note)}` : ''
    rows.push([
      words.heading,
      section,
      a.organisationName,
      a.proposerName,
      `${a.number}. ${change} (${words.status[a.status]}${note}). ${words.reason}: ${oneLine(a.reason)}`,
      '',
    ])
    for (const answer of answersOf(a)) {
      rows.push([
        words.heading,
        section,
        answer.organisationName,
        answer.by,
        `${a.number}. ${words.stance[answer.stance]}${answer.reason ? `: ${oneLine(answer.reason)}` : ''}`,
        '',
      ])
    }
  }
  return rows
}

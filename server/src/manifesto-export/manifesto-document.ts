import { acceptedBefore, getManifesto, numberRanges, readAmendments } from '@stip/board/doc-model'
import {
  canonicalManifestoText,
  type InlineRun,
  MANIFESTO_SECTIONS,
  type ManifestoBlock,
  manifestoBlocks,
  manifestoHash,
  readSignatures,
  signatureStatus,
} from '@stip/manifesto'
import type * as Y from 'yjs'
import type { BoardRecord } from '../store/board-store'
import { type AmendmentSection, amendmentHistory, signedAfterWords } from './amendment-history'

/** One organisation's line in the signatures block. */
export interface SignatureLine {
  organisationName: string
  signed: {
    signerName: string
    signerFunction: string
    /** Date and time in Europe/Amsterdam, in Dutch. */
    signedAt: string
    /** True when the signature covers this exact text; false: signed on an earlier version. */
    current: boolean
    hash: string
    /** "ondertekend na amendementen 1–4": the amendments accepted before this signature. */
    afterAmendments: string | null
  } | null
}

/** What every export format renders: the same content, so md, docx and pdf never disagree. */
export interface ManifestoDocument {
  /**
   * The document's one top-level title: the text's own opening level-1 heading, or the board's
   * title when the text has none (or still the default "Titel").
   */
  title: string
  boardTitle: string
  /** The partner organisations, who wrote the text together: the documents' author. */
  authors: string
  /** The text below the title; headings run from level 2 down and never skip a level. */
  blocks: ManifestoBlock[]
  signatures: SignatureLine[]
  /** The amendment history per section; empty when nobody proposed one. */
  amendments: AmendmentSection[]
  /** SHA-256 of the canonical text, in full. */
  hash: string
  exportedAt: string
}

export const EXPORT_LABELS = {
  subject: 'Manifest',
  board: 'Bord',
  signing: 'Ondertekening',
  intro:
    'Elke handtekening geldt voor één exacte tekst, herkenbaar aan haar hash. Is de tekst daarna gewijzigd, dan staat dat hieronder.',
  name: 'Naam',
  function: 'Functie',
  organisation: 'Organisatie',
  signedAt: 'Ondertekend op',
  current: 'Geldig voor deze tekst',
  stale: 'Ondertekend op een eerdere versie van de tekst',
  notSigned: 'Nog niet ondertekend',
  status: 'Status',
  tableCaption: 'Ondertekeningen per organisatie',
  hash: 'Hash van deze tekst (SHA-256)',
  exported: 'Geëxporteerd op',
  page: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
} as const

/**
 * Made on first use: building a formatter loads ICU's locale and time-zone data, about 6 MiB of
 * resident memory that a server which never exports a manifesto need not carry.
 */
let amsterdam: Intl.DateTimeFormat | undefined

export function formatAmsterdam(time: number): string {
  amsterdam ??= new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
    timeStyle: 'short',
  })
  return amsterdam.format(new Date(time))
}

/** How a signature stands, in words; a stale one names the start of the hash it signed. */
export function signatureState(line: SignatureLine): string {
  if (!line.signed) return EXPORT_LABELS.notSigned
  const after = line.signed.afterAmendments ? ` \u2013 ${line.signed.afterAmendments}` : ''
  if (line.signed.current) return `${EXPORT_LABELS.current}${after}`
  return `${EXPORT_LABELS.stale} (hash ${line.signed.hash.slice(0, 16)}…)${after}`
}

/**
 * The line under the title: the board it comes from and when it was exported. At the top
 * rather than closing the text, where it once spilled onto a page of its own.
 */
export function exportLine(document: ManifestoDocument): string {
  const exported = `${EXPORT_LABELS.exported}: ${document.exportedAt}`
  return document.boardTitle === document.title
    ? exported
    : `${EXPORT_LABELS.board}: ${document.boardTitle} · ${exported}`
}

export function signatureRows(document: ManifestoDocument): string[][] {
  return document.signatures.map((line) => [
    line.organisationName,
    line.signed?.signerName ?? '',
    line.signed?.signerFunction ?? '',
    line.signed?.signedAt ?? '',
    signatureState(line),
  ])
}

/**
 * The columns' widths in points (PDF; Word scales them): names and organisations wider than
 * the date and the status, whose words wrap well.
 */
export const SIGNATURE_WIDTHS = [104, 96, 90, 76, 101]

/** The signatures table's columns (PDF and Word). */
export const SIGNATURE_HEADER = [
  EXPORT_LABELS.organisation,
  EXPORT_LABELS.name,
  EXPORT_LABELS.function,
  EXPORT_LABELS.signedAt,
  EXPORT_LABELS.status,
]

export function plainText(runs: readonly InlineRun[]): string {
  return runs.map((run) => run.text).join('')
}

const defaultTitles = new Set(
  MANIFESTO_SECTIONS.flatMap((s) => (s.key === 'titel' ? [s.nl, s.en] : [])).map((t) =>
    t.toLowerCase(),
  ),
)

const signingHeadings = new Set(
  MANIFESTO_SECTIONS.flatMap((s) => (s.key === 'ondertekening' ? [s.nl, s.en] : [])).map((t) =>
    t.toLowerCase(),
  ),
)

/**
 * The manifesto of a board as the exports show it. The text's own "Ondertekening" heading,
 * when it closes the text with nothing under it, gives way to the signatures block.
 */
export async function manifestoDocument(
  board: BoardRecord,
  doc: Y.Doc,
  now = Date.now(),
): Promise<ManifestoDocument> {
  const fragment = getManifesto(doc)
  const text = canonicalManifestoText(fragment)
  const hash = await manifestoHash(text)
  const blocks = manifestoBlocks(fragment)
  const last = blocks.at(-1)
  if (last?.type === 'heading' && signingHeadings.has(plainText(last.runs).trim().toLowerCase())) {
    blocks.pop()
  }
  let title = board.title
  const first = blocks[0]
  if (first?.type === 'heading' && first.level === 1) {
    blocks.shift()
    const own = plainText(first.runs).replace(/\s+/g, ' ').trim()
    if (own && !defaultTitles.has(own.toLowerCase())) title = own
  }
  const byOrganisation = new Map(readSignatures(doc).map((s) => [s.organisationId, s]))
  const organisations = [
    ...board.organisations.map((o) => ({ id: o.id, name: o.name })),
    // A signature of an organisation no longer on the board still counts and is shown.
    ...[...byOrganisation.values()]
      .filter((s) => !board.organisations.some((o) => o.id === s.organisationId))
      .map((s) => ({ id: s.organisationId, name: s.organisationName })),
  ]
  const amendments = readAmendments(doc)
  const signatures = organisations.map(({ id, name }): SignatureLine => {
    const signature = byOrganisation.get(id)
    if (!signature) return { organisationName: name, signed: null }
    const accepted = acceptedBefore(amendments, signature.signedAt)
    return {
      organisationName: signature.organisationName,
      signed: {
        signerName: signature.signerName,
        signerFunction: signature.signerFunction,
        signedAt: formatAmsterdam(signature.signedAt),
        current: signatureStatus(signature, text, hash).kind === 'current',
        hash: signature.hash,
        afterAmendments: signedAfterWords(numberRanges(accepted), accepted.length),
      },
    }
  })
  return {
    title,
    boardTitle: board.title,
    authors: organisations.map((o) => o.name).join(', ') || 'Stip',
    blocks: outlineLevels(blocks),
    signatures,
    amendments: amendmentHistory(amendments),
    hash,
    exportedAt: formatAmsterdam(now),
  }
}

/**
 * Headings below the one title: level 2 and down, never deeper than one below the heading
 * before (a screen reader's outline and PDF/UA both expect no skipped level).
 */
export function outlineLevels(blocks: readonly ManifestoBlock[]): ManifestoBlock[] {
  let previous = 1
  return blocks.map((block) => {
    if (block.type !== 'heading') return block
    const level = Math.max(2, Math.min(block.level, previous + 1))
    previous = level
    return { ...block, level }
  })
}

import {
  type Commitment,
  commitmentsByOrganisation,
  getReactions,
  type NextSession,
  type PreviousSession,
  REACTION_KINDS,
  type ReactionKind,
  readCommitments,
  readNextSession,
  readPreviousSession,
  readReactions,
} from '@stip/board/doc-model'
import { readStoredRecords } from '@stip/board/record-container'
import type { TemplateId } from '@stip/protocol'
import {
  type Label,
  type Locale,
  listTemplateInstances,
  locateNotes,
  readDialPositions,
  readTemplateMeta,
  TEMPLATES,
} from '@stip/templates'
import type * as Y from 'yjs'
import { type ManifestoDocument, manifestoDocument } from '../manifesto-export/manifesto-document'
import type { BoardRecord } from '../store/board-store'
import { type BoardScene, buildBoardScene } from './board-scene'
import { richTextToPlain } from './note-text'
import { readBoardState } from './read-board-state'
import { type ReportCommentThread, readReportComments } from './report-comments'
import { type ReportAgendaStep, type ReportVote, reportAgenda, reportVotes } from './report-votes'

export interface ReportNote {
  text: string
  author: string
  /** How many gave each quick reaction, in the kinds' own order; kinds nobody gave are left out. */
  reactions: Array<{ kind: ReactionKind; count: number }>
}

export interface OrganisationNotes {
  /** null: notes made before authorship was recorded. */
  organisation: string | null
  notes: ReportNote[]
}

export interface ReportSection {
  key: string
  label: Label
  /** Place in the werkvorm's reading order. */
  order: number
  organisations: OrganisationNotes[]
  /** vijf-knoppen: each organisation's position on this dial, 0..100. */
  dial: Array<{ organisation: string; percent: number }>
}

export interface ReportTemplate {
  templateId: TemplateId
  instance: string
  title: Label
  sections: ReportSection[]
}

/** Everything on a board, grouped by werkvorm → section → organisation; the exports render it. */
export interface SessionReport {
  boardTitle: string
  generatedAt: Date
  templates: ReportTemplate[]
  /** Notes outside every template lane ("Overig"). */
  other: OrganisationNotes[]
  /** Notes of an active silent round, left out until the facilitator reveals them. */
  hiddenCount: number
  noteCount: number
  /** Organisations that wrote notes, with their notes per section, in the board's order. */
  organisations: Array<{ name: string; color: string }>
  votes: ReportVote[]
  agenda: ReportAgendaStep[]
  /** The manifesto as the exports show it: its title, hash and who signed which text. */
  manifesto: ManifestoDocument & { frozen: boolean }
  /** The board's overview, for the picture in the PDF and Word reports. */
  scene: BoardScene
  /** Commitments ("Voortgang") per organisation. */
  commitments: Array<{ organisation: string; commitments: Commitment[] }>
  /** The session this board continues, and the one that continues it. */
  previous: PreviousSession | null
  next: NextSession | null
  /** Comment threads ("Opmerkingen"), open ones first. */
  comments: ReportCommentThread[]
}

/** Reads the session report from a board's document as it is now. */
export async function buildSessionReport(
  board: BoardRecord,
  doc: Y.Doc,
  locale: Locale,
  now = new Date(),
): Promise<SessionReport> {
  const records = readStoredRecords(doc)
  const all = [...records.values()]
  const state = readBoardState(doc)
  const reactions = readReactions(getReactions(doc), null)
  const hiddenRound = state.hiddenSilentRound
  const orgOrder = board.organisations.map((organisation) => organisation.name)

  const templates = new Map<string, ReportTemplate>()
  const sectionOf = (
    templateId: TemplateId,
    instance: string,
    key: string,
    label: Label,
    order: number,
  ) => {
    const template = templateOf(templates, templateId, instance)
    let section = template.sections.find((candidate) => candidate.key === key)
    if (!section) {
      section = { key, label, order, organisations: [], dial: [] }
      template.sections.push(section)
    }
    return section
  }
  for (const instance of listTemplateInstances(all))
    templateOf(templates, instance.templateId, instance.instance)
  // Every lane is listed, so an empty question shows up as empty rather than missing.
  for (const record of all) {
    const meta = readTemplateMeta(record as { meta?: unknown })
    if (meta?.stipPart !== 'lane' || !meta.stipSection || !meta.stipSectionLabel) continue
    sectionOf(
      meta.stipTemplate,
      meta.stipInstance,
      meta.stipSection,
      meta.stipSectionLabel,
      meta.stipOrder ?? 0,
    )
  }

  const other: OrganisationNotes[] = []
  let hiddenCount = 0
  let noteCount = 0
  for (const placement of locateNotes(all)) {
    const meta = placement.note.meta
    if (hiddenRound && meta.silentRoundId === hiddenRound) {
      hiddenCount++
      continue
    }
    const text = richTextToPlain(placement.note.props.richText)
    if (text === '') continue
    noteCount++
    const counts = reactions.get(placement.note.id)?.counts ?? {}
    const note = {
      text,
      author: typeof meta.authorName === 'string' ? meta.authorName : '',
      reactions: REACTION_KINDS.flatMap((kind) => {
        const count = counts[kind] ?? 0
        return count > 0 ? [{ kind, count }] : []
      }),
    }
    const organisation = typeof meta.organisation === 'string' ? meta.organisation : null
    const groups =
      placement.kind === 'placed'
        ? sectionOf(
            placement.templateId,
            placement.instance,
            placement.sectionKey,
            placement.sectionLabel,
            placement.order,
          ).organisations
        : other
    groupOf(groups, organisation).notes.push(note)
  }
  for (const position of readDialPositions(all)) {
    sectionOf(
      position.templateId,
      position.instance,
      position.sectionKey,
      position.sectionLabel,
      position.order,
    ).dial.push({ organisation: position.organisationName, percent: position.percent })
  }

  const sortGroups = (groups: OrganisationNotes[]) =>
    groups.sort(
      (a, b) =>
        organisationRank(a.organisation, orgOrder) - organisationRank(b.organisation, orgOrder) ||
        (a.organisation ?? '').localeCompare(b.organisation ?? '', 'nl'),
    )
  for (const template of templates.values()) {
    template.sections.sort((a, b) => a.order - b.order)
    for (const section of template.sections) {
      sortGroups(section.organisations)
      section.dial.sort(
        (a, b) =>
          organisationRank(a.organisation, orgOrder) - organisationRank(b.organisation, orgOrder),
      )
    }
  }
  sortGroups(other)
  // A werkvorm added twice reads as "Rondetafel" and "Rondetafel (2)".
  const seen = new Map<TemplateId, number>()
  for (const template of templates.values()) {
    const n = (seen.get(template.templateId) ?? 0) + 1
    seen.set(template.templateId, n)
    if (n > 1)
      template.title = { nl: `${template.title.nl} (${n})`, en: `${template.title.en} (${n})` }
  }
  return {
    boardTitle: board.title,
    generatedAt: now,
    templates: [...templates.values()],
    other,
    hiddenCount,
    noteCount,
    organisations: board.organisations.map(({ name, color }) => ({ name, color })),
    votes: reportVotes(state.votes, records, hiddenRound),
    agenda: reportAgenda(state.agenda),
    manifesto: {
      ...(await manifestoDocument(board, doc, now.getTime())),
      frozen: state.manifestoFrozen,
    },
    scene: buildBoardScene(all, board.organisations, locale, hiddenRound),
    commitments: commitmentsByOrganisation(readCommitments(doc)),
    previous: readPreviousSession(doc),
    next: readNextSession(doc),
    comments: readReportComments(doc, all),
  }
}

function templateOf(
  templates: Map<string, ReportTemplate>,
  templateId: TemplateId,
  instance: string,
) {
  const key = `${templateId}\u0000${instance}`
  let template = templates.get(key)
  if (!template) {
    template = { templateId, instance, title: TEMPLATES[templateId].title, sections: [] }
    templates.set(key, template)
  }
  return template
}

function groupOf(groups: OrganisationNotes[], organisation: string | null): OrganisationNotes {
  let group = groups.find((candidate) => candidate.organisation === organisation)
  if (!group) {
    group = { organisation, notes: [] }
    groups.push(group)
  }
  return group
}

/** Board organisations first in their own order, then others, then notes without one. */
function organisationRank(organisation: string | null, order: string[]): number {
  if (organisation === null) return order.length + 2
  const index = order.indexOf(organisation)
  return index === -1 ? order.length + 1 : index
}

import { getFacilitator } from '@stip/board/doc-layout'
import { readStoredRecords } from '@stip/board/record-container'
import type { TemplateId } from '@stip/protocol'
import {
  type Label,
  listTemplateInstances,
  locateNotes,
  readDialPositions,
  readTemplateMeta,
  TEMPLATES,
} from '@stip/templates'
import type * as Y from 'yjs'
import type { BoardRecord } from '../store/board-store'
import { richTextToPlain } from './note-text'

export interface ReportNote {
  text: string
  author: string
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
}

/** Reads the session report from a board's document as it is now. */
export function buildSessionReport(
  board: BoardRecord,
  doc: Y.Doc,
  now = new Date(),
): SessionReport {
  const all = [...readStoredRecords(doc).values()]
  const hiddenRound = activeSilentRound(doc)
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
    const note = { text, author: typeof meta.authorName === 'string' ? meta.authorName : '' }
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

/** The id of the silent round whose notes are still hidden, if one is running. */
function activeSilentRound(doc: Y.Doc): string | null {
  const round = getFacilitator(doc).get('silentRound') as
    | { id?: unknown; active?: unknown }
    | undefined
  return round && round.active === true && typeof round.id === 'string' ? round.id : null
}

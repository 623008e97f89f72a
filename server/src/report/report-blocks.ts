import type { Locale } from '@stip/templates'
import { SIGNATURE_WIDTHS } from '../manifesto-export/manifesto-document'
import type { ReportBlock } from './report-block'
import { commentBlocks } from './report-comment-blocks'
import { REPORT_WORDS, type ReportWords } from './report-words'
import type { OrganisationNotes, ReportSection, SessionReport } from './session-report'

export type { ReportBlock } from './report-block'

/** Sessions take place in the Netherlands: their time, as the people in the room read it. */
export function dutchTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(date)
}

const p = (text: string, muted = false): ReportBlock => ({
  type: 'paragraph',
  runs: [{ text }],
  muted,
})

/** The notes per organisation, under a heading one level below the section's. */
function groupBlocks(groups: OrganisationNotes[], words: ReportWords, level: 3 | 4): ReportBlock[] {
  if (groups.length === 0) return [p(words.noNotes, true)]
  return groups.flatMap((group): ReportBlock[] => [
    { type: 'heading', level, text: group.organisation ?? words.noOrganisation },
    {
      type: 'list',
      items: group.notes.map((note) => [
        { text: note.text.replace(/\n/g, ' / ') },
        ...(note.author ? [{ text: ' — ' }, { text: note.author, italic: true }] : []),
        ...(note.reactions.length > 0
          ? [
              {
                text: ` (${note.reactions
                  .map(({ kind, count }) => `${words.reactions[kind]} ${count}`)
                  .join(', ')})`,
              },
            ]
          : []),
      ]),
    },
  ])
}

function sectionBlocks(section: ReportSection, locale: Locale): ReportBlock[] {
  const words = REPORT_WORDS[locale]
  const blocks: ReportBlock[] = [{ type: 'heading', level: 3, text: section.label[locale] }]
  if (section.dial.length > 0)
    blocks.push(p(words.dialIntro), {
      type: 'list',
      items: section.dial.map((d) => [{ text: `${d.organisation}: ${d.percent} %` }]),
    })
  return [...blocks, ...groupBlocks(section.organisations, words, 4)]
}

function voteBlocks(report: SessionReport, words: ReportWords): ReportBlock[] {
  const blocks: ReportBlock[] = [{ type: 'heading', level: 2, text: words.votes }]
  if (report.votes.length === 0) return [...blocks, p(words.noVotes, true)]
  for (const vote of report.votes) {
    const name = vote.frameName === null ? words.earlierVote : vote.frameName || words.untitledFrame
    blocks.push({ type: 'heading', level: 3, text: name })
    if (!vote.shown) {
      blocks.push(p(vote.phase === 'open' ? words.voteOpen : words.voteHidden, true))
      continue
    }
    blocks.push(p(words.voteLine(vote.voters, vote.dotsPerPerson)))
    if (vote.results.length === 0) blocks.push(p(words.noDots, true))
    else
      blocks.push({
        type: 'table',
        header: [...words.voteColumns],
        rows: vote.results.map((r) => [
          r.text,
          r.organisation ?? words.noOrganisation,
          r.author,
          String(r.dots),
        ]),
        widths: [237, 100, 80, 50],
      })
  }
  return blocks
}

function agendaBlocks(report: SessionReport, words: ReportWords): ReportBlock[] {
  const blocks: ReportBlock[] = [{ type: 'heading', level: 2, text: words.agenda }]
  if (report.agenda.length === 0) return [...blocks, p(words.noAgenda, true)]
  blocks.push({
    type: 'list',
    ordered: true,
    items: report.agenda.map((step) => [
      { text: step.title, bold: step.state === 'current' },
      { text: step.minutes === null ? '' : ` (${words.minutes(step.minutes)})` },
      { text: ' — ' },
      { text: words.stepState[step.state], italic: true },
    ]),
  })
  return blocks
}

function manifestoBlocks(report: SessionReport, words: ReportWords): ReportBlock[] {
  const m = report.manifesto
  return [
    { type: 'heading', level: 2, text: words.manifesto },
    {
      type: 'paragraph',
      runs: [{ text: `${words.manifestoTitle}:`, bold: true }, { text: ` ${m.title}` }],
    },
    p(m.frozen ? words.frozen : words.notFrozen),
    { type: 'paragraph', runs: [{ text: `${words.hash}:`, bold: true }, { text: ` ${m.hash}` }] },
    { type: 'heading', level: 3, text: words.signatures },
    {
      type: 'table',
      header: [...words.signatureColumns],
      rows: m.signatures.map((line) => [
        line.organisationName,
        line.signed?.signerName ?? '',
        line.signed?.signerFunction ?? '',
        line.signed?.signedAt ?? '',
        !line.signed
          ? words.signatureState.none
          : line.signed.current
            ? words.signatureState.current
            : `${words.signatureState.stale} (hash ${line.signed.hash.slice(0, 16)}…)`,
      ]),
      widths: SIGNATURE_WIDTHS,
    },
  ]
}

function progressBlocks(report: SessionReport, words: ReportWords, locale: Locale): ReportBlock[] {
  const blocks: ReportBlock[] = [{ type: 'heading', level: 2, text: words.progress }]
  if (report.previous) blocks.push(p(words.continues(report.previous.title)))
  if (report.next) blocks.push(p(words.continuedIn(report.next.title)))
  if (report.commitments.length === 0) blocks.push(p(words.noCommitments, true))
  for (const group of report.commitments) {
    blocks.push(
      { type: 'heading', level: 3, text: group.organisation },
      {
        type: 'table',
        header: [...words.commitmentColumns],
        rows: group.commitments.map((c) => [
          c.carriedFrom ? `${c.text} (${words.carried})` : c.text,
          c.person,
          c.due ?? '',
          words.commitmentStatus[c.status],
        ]),
        widths: [237, 90, 70, 70],
      },
    )
  }
  const previous = report.previous
  if (previous && previous.closedCommitments.length > 0) {
    blocks.push({ type: 'heading', level: 3, text: words.closedEarlier })
    blocks.push({
      type: 'list',
      items: previous.closedCommitments.map((c) => [
        { text: `${c.organisation}: ${c.text}` },
        { text: ' — ' },
        { text: words.commitmentStatus[c.status], italic: true },
      ]),
    })
  }
  if (previous && previous.signatures.length > 0) {
    blocks.push({ type: 'heading', level: 3, text: words.earlierSignatures })
    blocks.push({
      type: 'list',
      items: previous.signatures.map((s) => [
        {
          text: words.earlierSignature(
            s.organisationName,
            `${s.signerName} (${s.signerFunction})`,
            dutchTime(new Date(s.signedAt), locale),
            s.onCarriedText,
          ),
        },
      ]),
    })
  }
  return blocks
}

/**
 * The gespreksverslag: the board as a picture, then per werkvorm and section the notes by
 * organisation with their authors, the vote results, the agenda as run, where the manifesto
 * stands (who signed which text) and the comment threads, open ones first.
 */
export function reportBlocks(report: SessionReport, locale: Locale): ReportBlock[] {
  const words = REPORT_WORDS[locale]
  const blocks: ReportBlock[] = [
    { type: 'heading', level: 1, text: `${words.title}: ${report.boardTitle}` },
    p(
      `${words.generated} ${dutchTime(report.generatedAt, locale)} · ${words.noteCount(report.noteCount)}`,
      true,
    ),
  ]
  if (report.hiddenCount > 0) blocks.push(p(words.hidden(report.hiddenCount)))
  blocks.push(
    { type: 'heading', level: 2, text: words.board },
    {
      type: 'figure',
      scene: report.scene,
      alt: words.boardAlt(
        report.templates.map((t) => t.title[locale]),
        report.scene.notes.length,
        report.scene.legend.length,
      ),
    },
  )
  for (const template of report.templates) {
    blocks.push({ type: 'heading', level: 2, text: template.title[locale] })
    if (template.sections.length === 0) blocks.push(p(words.empty, true))
    for (const section of template.sections) blocks.push(...sectionBlocks(section, locale))
  }
  if (report.other.length > 0 || report.templates.length === 0)
    blocks.push(
      { type: 'heading', level: 2, text: words.other },
      ...groupBlocks(report.other, words, 3),
    )
  return [
    ...blocks,
    ...voteBlocks(report, words),
    ...agendaBlocks(report, words),
    ...progressBlocks(report, words, locale),
    ...manifestoBlocks(report, words),
    ...commentBlocks(report.comments, words, locale, (date) => dutchTime(date, locale)),
  ]
}

import type { Locale } from '@stip/templates'
import { commentTargetLine } from './report-comment-blocks'
import { REPORT_WORDS } from './report-words'
import type { OrganisationNotes, SessionReport } from './session-report'

/**
 * Excel reads a CSV by the list separator of the computer's region: `;` on Dutch Windows,
 * `,` on English. A `sep=` line would force one, but Excel then ignores the byte order mark
 * and reads the UTF-8 as Windows-1252 (Ayşe → AyÅŸe). So: a BOM, no `sep=` line, and the
 * separator of the report's language: `;` for the Dutch report, `,` for the English one.
 */
export function csvSeparator(locale: Locale): ';' | ',' {
  return locale === 'nl' ? ';' : ','
}

/**
 * The session report as CSV (RFC 4180 apart from the separator: CRLF line ends, fields with
 * the separator, a quote or a line break quoted, quotes doubled), one row per note, dial
 * position, commitment and comment message, preceded by a UTF-8 BOM. Cells that start with
 * = + - @ (or a tab or CR) get a leading ' so a spreadsheet never runs them as a formula.
 */
export function reportToCsv(report: SessionReport, locale: Locale): string {
  const words = REPORT_WORDS[locale]
  const separator = csvSeparator(locale)
  const rows: string[][] = [[...words.columns]]
  const noteRows = (template: string, section: string, groups: OrganisationNotes[]) => {
    for (const group of groups)
      for (const note of group.notes)
        rows.push([template, section, group.organisation ?? '', note.author, note.text, ''])
  }
  for (const template of report.templates) {
    for (const section of template.sections) {
      for (const position of section.dial)
        rows.push([
          template.title[locale],
          section.label[locale],
          position.organisation,
          '',
          '',
          String(position.percent),
        ])
      noteRows(template.title[locale], section.label[locale], section.organisations)
    }
  }
  noteRows(words.other, '', report.other)
  // Commitments as rows of their own: "Voortgang", their status, organisation, person, text.
  for (const group of report.commitments)
    for (const c of group.commitments)
      rows.push([
        words.progress,
        words.commitmentStatus[c.status],
        group.organisation,
        c.person,
        c.due ? `${c.text} (${c.due})` : c.text,
        '',
      ])
  // Comments as rows of their own: "Opmerkingen", the target and status, who, the message.
  for (const thread of report.comments)
    for (const message of thread.messages)
      rows.push([
        words.comments,
        `${commentTargetLine(thread, words, locale)} (${words.commentStatus[thread.status]})`,
        message.author.organisation,
        message.author.name,
        message.removed ? `(${words.commentRemoved})` : message.text,
        '',
      ])
  const lines = rows.map((row) => row.map(csvCell).join(separator))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** One cell, quoted when it holds either separator, so it reads right whichever Excel opens it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

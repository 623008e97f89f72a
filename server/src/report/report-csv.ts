import type { Locale } from '@stip/templates'
import { REPORT_WORDS } from './report-words'
import type { OrganisationNotes, SessionReport } from './session-report'

/**
 * The session report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line
 * break quoted, quotes doubled), one row per note and per dial position. Cells that start
 * with = + - @ (or a tab or CR) get a leading ' so a spreadsheet never runs them as a formula.
 */
export function reportToCsv(report: SessionReport, locale: Locale): string {
  const words = REPORT_WORDS[locale]
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
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

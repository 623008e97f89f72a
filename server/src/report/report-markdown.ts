import type { Locale } from '@stip/templates'
import { REPORT_WORDS } from './report-words'
import type { OrganisationNotes, ReportSection, SessionReport } from './session-report'

/** The session report (gespreksverslag) as Markdown: werkvorm → section → organisation → notes. */
export function reportToMarkdown(report: SessionReport, locale: Locale): string {
  const words = REPORT_WORDS[locale]
  const out: string[] = [
    `# ${words.title}: ${md(report.boardTitle)}`,
    '',
    `${words.generated} ${dutchTime(report.generatedAt, locale)} · ${words.noteCount(report.noteCount)}`,
  ]
  if (report.hiddenCount > 0) out.push('', `> ${words.hidden(report.hiddenCount)}`)
  for (const template of report.templates) {
    out.push('', `## ${md(template.title[locale])}`)
    if (template.sections.length === 0) out.push('', `_${words.empty}_`)
    for (const section of template.sections) out.push(...sectionLines(section, locale))
  }
  if (report.other.length > 0 || report.templates.length === 0) {
    out.push('', `## ${words.other}`)
    out.push(...groupLines(report.other, locale))
  }
  return `${out.join('\n')}\n`
}

/** Sessions take place in the Netherlands: their time, as the people in the room read it. */
function dutchTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(date)
}

function sectionLines(section: ReportSection, locale: Locale): string[] {
  const words = REPORT_WORDS[locale]
  const lines = ['', `### ${md(section.label[locale])}`]
  if (section.dial.length > 0) {
    lines.push('', words.dialIntro)
    for (const position of section.dial)
      lines.push(`- ${md(position.organisation)}: ${position.percent} %`)
  }
  lines.push(...groupLines(section.organisations, locale))
  return lines
}

function groupLines(groups: OrganisationNotes[], locale: Locale): string[] {
  const words = REPORT_WORDS[locale]
  if (groups.length === 0) return ['', `_${words.noNotes}_`]
  const lines: string[] = []
  for (const group of groups) {
    lines.push('', `#### ${md(group.organisation ?? words.noOrganisation)}`, '')
    for (const note of group.notes) {
      const author = note.author ? ` — _${md(note.author)}_` : ''
      lines.push(`- ${md(note.text).replace(/\n/g, ' / ')}${author}`)
    }
  }
  return lines
}

/** Typed text stays text: Markdown's special characters are escaped, HTML cannot slip in. */
function md(text: string): string {
  return text.replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1')
}

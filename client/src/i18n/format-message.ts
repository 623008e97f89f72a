/**
 * Fills a catalogue message: `{name}` takes a value, and
 * `{n, plural, one {# notitie} other {# notities}}` picks the form for n through the locale's
 * `Intl.PluralRules` (`=0 {…}` matches an exact number first; `#` is n, formatted).
 * A tiny subset of ICU MessageFormat: enough for counts, no dependency.
 */
export function formatMessage(
  template: string,
  values: Readonly<Record<string, string | number>>,
  locale: string,
): string {
  let out = ''
  let index = 0
  while (index < template.length) {
    const open = template.indexOf('{', index)
    if (open === -1) break
    const close = matchingBrace(template, open)
    if (close === -1) break
    out += template.slice(index, open)
    out += fillPlaceholder(template.slice(open + 1, close), template.slice(open, close + 1))
    index = close + 1
  }
  return out + template.slice(index)

  function fillPlaceholder(inner: string, whole: string): string {
    const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner)
    if (!plural) {
      const name = inner.trim()
      return name in values ? String(values[name]) : whole
    }
    const name = plural[1] as string
    const count = Number(values[name])
    if (!(name in values) || Number.isNaN(count)) return whole
    const forms = pluralForms(inner.slice(plural[0].length))
    const chosen =
      forms.get(`=${count}`) ??
      forms.get(new Intl.PluralRules(locale).select(count)) ??
      forms.get('other') ??
      ''
    const number = new Intl.NumberFormat(locale).format(count)
    return formatMessage(chosen.replaceAll('#', number), values, locale)
  }
}

/** `one {…} other {…}` as a map from selector to text. */
export function pluralForms(source: string): Map<string, string> {
  const forms = new Map<string, string>()
  let index = 0
  while (index < source.length) {
    const open = source.indexOf('{', index)
    if (open === -1) break
    const close = matchingBrace(source, open)
    if (close === -1) break
    const selector = source.slice(index, open).trim()
    if (selector) forms.set(selector, source.slice(open + 1, close))
    index = close + 1
  }
  return forms
}

function matchingBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return -1
}

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * axe-core's WCAG 2.1 A/AA violations on the page, one readable line per offending node. The
 * tldraw canvas (`.tl-container`) is left out: it is tldraw's own UI, a third-party component
 * whose markup we do not control (the accessibility statement lists it as a known limitation);
 * the keyboard journeys prove it stays usable.
 */
export function axeViolations(page: Page): Promise<string[]> {
  return runAxe(page, { type: 'tag', values: WCAG_21_AA })
}

/**
 * Violations of named axe rules outside the WCAG tags, such as best practice's `heading-order`
 * (headings that skip a level), on the same part of the page as `axeViolations`.
 */
export function axeRuleViolations(page: Page, rules: readonly string[]): Promise<string[]> {
  return runAxe(page, { type: 'rule', values: [...rules] })
}

async function runAxe(
  page: Page,
  runOnly: { type: 'tag' | 'rule'; values: string[] },
): Promise<string[]> {
  // Colours are judged at rest, not halfway through a 150 ms hover or pressed-state fade.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => !(animation instanceof CSSTransition)),
  )
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async (runOnly) => {
    type AxeResult = {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: string[]; failureSummary?: string }[]
      }[]
    }
    const axe = (window as unknown as { axe: { run(...args: unknown[]): Promise<AxeResult> } }).axe
    const result = await axe.run({ exclude: [['.tl-container']] }, { runOnly })
    return result.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} at ${node.target.join(' ')}`,
      ),
    )
  }, runOnly)
}

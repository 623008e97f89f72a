export { axeViolations } from './axe'

import { getManifesto } from '@stip/board/doc-layout'
// The test package does not depend on @stip/manifesto; this is the module the server runs.
import { manifestoToMarkdown } from '@stip/manifesto'
import type { Page } from 'playwright-core'
import type { Cleanup } from '../../integration/helpers/cleanup'
import { connectClient } from '../../integration/helpers/clients'

/** The token of a share link (`…#token=TOKEN`). */
export function tokenOf(link: string): string {
  const token = new URL(link).hash.replace(/^#token=/, '')
  if (!token) throw new Error(`no token in ${link}`)
  return token
}

/** Opens the side panel's "Manifest" tab and waits for the editor. */
export async function openManifesto(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Manifest' }).click()
  await page.locator('.manifesto-prose').waitFor()
}

/**
 * Makes sure the default structure is there: a new board gets it from the server; an older
 * (empty) one through the panel's "Standaardopbouw invoegen".
 */
export async function insertDefaultStructure(page: Page): Promise<void> {
  const heading = page.locator('.manifesto-prose h2', { hasText: 'Gedeelde waarden' })
  const button = page.getByRole('button', { name: 'Standaardopbouw invoegen' })
  await heading.or(button).first().waitFor()
  if (await button.isVisible()) await button.click()
  await heading.waitFor()
}

/** Presses Tab until the focused element matches `selector`; fails after `maxTabs`. */
export async function tabTo(page: Page, selector: string, maxTabs = 80): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`no ${selector} within ${maxTabs} tabs`)
}

/** Whether the focused element shows a focus indicator (outline or ring). */
export function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return false
    const style = getComputedStyle(el)
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
    return outline || style.boxShadow !== 'none'
  })
}

/** The manifesto fragment of a page's doc, as XML text (plain data across evaluate). */
export function fragmentXml(page: Page): Promise<string> {
  return page.evaluate(() => window.__stip?.doc.getXmlFragment('manifesto').toString() ?? '')
}

/**
 * The manifesto as Markdown, read by a separate y-websocket client in Node from the server:
 * proves both what reached the server and that the package reads what TipTap wrote.
 */
export async function serverMarkdown(
  cleanup: Cleanup,
  serverUrl: string,
  boardId: string,
  token: string,
): Promise<string> {
  const wsBase = `${serverUrl.replace(/^http/, 'ws')}/ws`
  const reader = await connectClient(cleanup, wsBase, boardId, { token })
  const markdown = manifestoToMarkdown(getManifesto(reader.doc))
  reader.destroy()
  return markdown
}

/** Polls until `check` holds for the server's Markdown; returns the last one. */
export async function waitForServerMarkdown(
  cleanup: Cleanup,
  serverUrl: string,
  boardId: string,
  token: string,
  check: (markdown: string) => boolean,
  timeout = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeout
  for (;;) {
    const markdown = await serverMarkdown(cleanup, serverUrl, boardId, token)
    if (check(markdown)) return markdown
    if (Date.now() > deadline) throw new Error(`server markdown never matched:\n${markdown}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

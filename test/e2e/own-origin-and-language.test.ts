import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useCleanup } from '../integration/helpers/cleanup'
import { addNoteViaUi, waitForEditor, waitForShapes, waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { serverMarkdown, tokenOf } from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'
import { createBoardViaStartPage } from './helpers/start-form'

async function openMainMenu(page: Page) {
  await page.keyboard.press('Escape')
  await page.getByTestId('main-menu.button').click()
}

describe('a board in Dutch and English, served only from its own origin', () => {
  const cleanup = useCleanup()
  const session = useBrowserSession()

  it('never requests anything outside its own origin, and tldraw follows the NL/EN switch', async () => {
    const context = await session.newContext()
    const requested: string[] = []
    // Context-wide, so workers and every page the flow opens are recorded too.
    context.on('request', (request) => requested.push(request.url()))
    const page = await context.newPage()
    page.on('websocket', (socket) => requested.push(socket.url()))

    await createBoardViaStartPage(page, session.server.server.url, { title: 'Eigen herkomst' })
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/)
    await page.getByLabel('Je naam').fill('Iris')
    await page.getByLabel('Organisatie').fill('Welzijnsorganisatie')
    await page.getByLabel('Rol').fill('Professional')
    await page.getByRole('button', { name: 'Naar het bord' }).click()
    await waitForEditor(page)
    // A new board opens the share dialog once; close it to reach the canvas.
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Bord delen' }).waitFor({ state: 'hidden' })
    await waitForStatus(page, 'connected')
    await addNoteViaUi(page, 'Eigen herkomst', { x: 500, y: 350 })
    await waitForShapes(page, (s) => s.some((x) => x.text === 'Eigen herkomst'))
    // A pasted link becomes a bookmark without fetching the linked page.
    await page.evaluate(() =>
      window.__stip?.editor.putExternalContent({
        type: 'url',
        url: 'https://example.org/visie-2040',
      }),
    )
    await waitForShapes(page, (s) => s.some((x) => x.type === 'bookmark'))

    // Dutch by default: our chrome and tldraw's own menus (its note tool named per the glossary).
    expect(await page.locator('.status-pill').textContent()).toContain('verbonden')
    await expect
      .poll(() => page.getByTestId('tools.note').getAttribute('aria-label'))
      .toMatch(/^Notitie/)
    await openMainMenu(page)
    await page.getByRole('menuitem', { name: 'Bewerken' }).waitFor()
    // Embeds would load third-party iframes, so the menu does not offer them.
    expect(await page.getByRole('menuitem', { name: /insluiten/i }).count()).toBe(0)
    await screenshot(page, 'language-tldraw-menu-nl')

    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'English' }).click()
    expect(await page.locator('.status-pill').textContent()).toContain('connected')
    await expect
      .poll(() => page.getByTestId('tools.note').getAttribute('aria-label'))
      .toMatch(/^Note/)
    await openMainMenu(page)
    await page.getByRole('menuitem', { name: 'Edit' }).waitFor()
    await screenshot(page, 'language-tldraw-menu-en')

    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Nederlands' }).click()
    await expect
      .poll(() => page.getByTestId('tools.note').getAttribute('aria-label'))
      .toMatch(/^Notitie/)

    // The choice is remembered.
    await page.reload()
    await waitForEditor(page)
    expect(await page.locator('html').getAttribute('lang')).toBe('nl')

    const origin = new URL(session.server.server.url).origin
    const wsOrigin = origin.replace(/^http/, 'ws')
    const foreign = requested.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false
      const { origin: requestOrigin } = new URL(url)
      return requestOrigin !== origin && requestOrigin !== wsOrigin
    })
    expect(requested.length).toBeGreaterThan(10)
    expect(requested.some((url) => url.includes('/ws/'))).toBe(true)
    expect(foreign).toEqual([])
  })

  it('fills a board made with the English UI with English werkvorm, page and manifesto', async () => {
    const page = await (await session.newContext()).newPage()
    const url = session.server.server.url
    await page.goto(`${url}/`)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByLabel('Board title').fill('Vision 2040')
    await page.locator('[data-template="gedeelde-waarden"] input').check()
    await page.getByRole('button', { name: 'Create board' }).click()
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/)
    const boardId = new URL(page.url()).pathname.split('/')[2]!
    const links = await page.evaluate(
      (id) => JSON.parse(localStorage.getItem(`stip.links.${id}`) ?? '{}') as { viewer: string },
      boardId,
    )
    const markdown = await serverMarkdown(cleanup, url, boardId, tokenOf(links.viewer))
    expect(markdown).toMatch(/^# Title$/m)
    expect(markdown).toMatch(/^## Shared values$/m)
    expect(markdown).not.toContain('Gedeelde waarden')
    await screenshot(page, 'language-english-board-join')
  })
})

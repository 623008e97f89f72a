import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addNoteViaUi, waitForShapes, waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { makePng } from './helpers/png'
import { screenshot } from './helpers/screenshots'
import { createBoardViaStartPage, joinChoosingOrganisation } from './helpers/start-form'

const IMG = '<img src=x onerror="window.__xss=1">'
const SCRIPT = '<script>window.__xss=1</script>'
const SVG = '"><svg onload=window.__xss=1>'

declare global {
  interface Window {
    __xss?: unknown
  }
}

describe('what people type stays text, and images go through the server', () => {
  const session = useBrowserSession()
  const dialogs: string[] = []
  const pages: Page[] = []
  const fresh = async (): Promise<Page> => {
    const context = await session.newContext()
    const page = await context.newPage()
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    pages.push(page)
    return page
  }
  const noScriptRan = async () => {
    for (const page of pages) {
      expect(await page.evaluate(() => window.__xss)).toBeUndefined()
    }
    expect(dialogs).toEqual([])
  }

  let facilitator: Page
  let other: Page
  let boardId = ''
  let links: { editor: string; viewer: string }

  it('shows script-like titles, organisations, names and notes as plain text everywhere', async () => {
    const title = `${IMG} ${SVG}`
    facilitator = await fresh()
    await createBoardViaStartPage(facilitator, session.server.server.url, {
      title,
      typed: [SCRIPT, SVG],
    })
    boardId = new URL(facilitator.url()).pathname.split('/')[2] ?? ''
    links = await facilitator.evaluate(
      (id) => JSON.parse(localStorage.getItem(`stip.links.${id}`) ?? '{}'),
      boardId,
    )

    // The join screen: the title and the organisations to choose from, as text.
    await facilitator.getByLabel('Organisatie').waitFor()
    expect(await facilitator.locator('.join-board-title').textContent()).toBe(title)
    const options = await facilitator
      .getByLabel('Organisatie')
      .locator('option')
      .evaluateAll((all) => all.map((o) => o.textContent))
    expect(options.slice(1)).toEqual([SCRIPT, SVG])
    await noScriptRan()

    await joinChoosingOrganisation(facilitator, null, { name: IMG, organisation: SCRIPT })
    const share = facilitator.getByRole('dialog', { name: 'Bord delen' })
    await share.waitFor()
    expect(await facilitator.locator('.board-title').textContent()).toBe(title)
    expect(await facilitator.locator('.participant-name').textContent()).toBe(IMG)
    expect(await facilitator.locator('.participant-org').textContent()).toBe(SCRIPT)
    await noScriptRan()
    await facilitator.keyboard.press('Escape')
    await share.waitFor({ state: 'hidden' })

    other = await fresh()
    await joinChoosingOrganisation(other, links.editor, { name: SVG, organisation: SVG })
    await Promise.all([waitForStatus(facilitator, 'connected'), waitForStatus(other, 'connected')])

    const noteText = `${IMG}${SCRIPT}${SVG}`
    await addNoteViaUi(facilitator, noteText, { x: 500, y: 350 })
    await waitForShapes(other, (shapes) => shapes.some((shape) => shape.text === noteText))
    // Rendered on the other participant's canvas as the very characters typed.
    await other.locator('.tl-shape').getByText(noteText, { exact: true }).waitFor()
    await facilitator.mouse.move(420, 300)
    await facilitator.mouse.move(440, 320, { steps: 5 })
    const cursor = other.locator('.tl-collaborator__cursor', { hasText: IMG })
    await cursor.waitFor({ timeout: 5000 })
    expect(await cursor.textContent()).toContain(SCRIPT)
    // No element came out of the text, even where the CSP would have stopped its script.
    for (const page of [facilitator, other]) {
      expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0)
    }
    await screenshot(other, 'security-payloads-as-text')
    await noScriptRan()
  })

  it('uploads an image through the file chooser and shows it to another participant', async () => {
    await facilitator.keyboard.press('Escape')
    const chooser = facilitator.waitForEvent('filechooser')
    await facilitator.getByTestId('tools.asset').click()
    await (await chooser).setFiles({
      name: 'stip-foto.png',
      mimeType: 'image/png',
      buffer: makePng(320, 200),
    })

    const readAsset = (page: Page) =>
      page.evaluate(() => {
        const editor = window.__stip?.editor
        const asset = editor?.getAssets().find((a) => a.type === 'image')
        return asset ? { id: asset.id, src: (asset.props as { src: string | null }).src } : null
      })
    await other.waitForFunction(
      () => window.__stip?.editor.getAssets().some((a) => a.type === 'image' && a.props.src),
      undefined,
      { timeout: 15_000 },
    )
    const asset = await readAsset(other)
    expect(asset?.src).toMatch(new RegExp(`^/api/boards/${boardId}/assets/[A-Za-z0-9_-]+$`))
    expect(asset?.src).not.toContain('data:')
    expect(asset?.src).not.toContain('token')

    // The other participant loads it with their own token, and the browser decodes it.
    const otherToken = new URL(links.editor).hash.replace('#token=', '')
    const image = other.locator(`.tl-image img, img.tl-image, [data-shape-type="image"] img`)
    await image.first().waitFor({ timeout: 15_000 })
    await other.waitForFunction(
      () => {
        const img = document.querySelector<HTMLImageElement>('[data-shape-type="image"] img')
        return Boolean(img?.complete && img.naturalWidth === 320)
      },
      undefined,
      { timeout: 15_000 },
    )
    expect(await image.first().getAttribute('src')).toBe(`${asset?.src}?token=${otherToken}`)
    await screenshot(facilitator, 'board-with-image')
    await noScriptRan()
  })

  it('gives a viewer no way to add images', async () => {
    const viewer = await fresh()
    await joinChoosingOrganisation(viewer, links.viewer, { name: 'Vera', organisation: SVG })
    await viewer.waitForFunction(() => window.__stip?.editor.getIsReadonly() === true)
    expect(await viewer.getByTestId('tools.asset').count()).toBe(0)
    await viewer.waitForFunction(() =>
      Boolean(document.querySelector<HTMLImageElement>('[data-shape-type="image"] img')?.complete),
    )
    await noScriptRan()
  })
})

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useCleanup } from '../integration/helpers/cleanup'
import {
  addNoteViaUi,
  joinBoard,
  waitForEditor,
  waitForShapes,
  waitForStatus,
} from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import {
  axeViolations,
  focusVisible,
  fragmentXml,
  insertDefaultStructure,
  openManifesto,
  tabTo,
  tokenOf,
  waitForServerMarkdown,
} from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'

/** Puts the caret at the end of the n-th paragraph of the manifesto editor. */
async function clickParagraph(page: Page, index: number): Promise<void> {
  await page.locator('.manifesto-prose > p').nth(index).click()
  await page.keyboard.press('End')
}

/** The editor's text as people read it, without the other people's caret labels. */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const prose = document.querySelector('.manifesto-prose')?.cloneNode(true) as HTMLElement | null
    for (const caret of prose?.querySelectorAll('.manifesto-caret') ?? []) caret.remove()
    return prose?.textContent ?? ''
  })
}

describe('the manifesto panel', () => {
  const session = useBrowserSession()
  const cleanup = useCleanup()
  const url = () => session.server.server.url

  it('shows the default structure and writes text in the shape the manifesto package reads', async () => {
    const board = await createBoard(url(), 'Manifest bord')
    const page = await (await session.newContext()).newPage()
    await joinBoard(page, board.links.editor, { name: 'Anna de Vries', organisation: 'GGD' })
    await waitForStatus(page, 'connected')
    await openManifesto(page)
    await insertDefaultStructure(page)
    const headings = await page
      .locator('.manifesto-prose h1, .manifesto-prose h2')
      .allTextContents()
    expect(headings).toEqual([
      'Titel',
      'Preambule',
      'Gedeelde waarden',
      'Ambities 2040',
      'Eerste stappen deze collegeperiode',
      'Hoe we samenwerken',
      'Ondertekening',
    ])

    // Type with the toolbar: bold, then a bullet list.
    await clickParagraph(page, 2)
    await page.keyboard.type('Wij ')
    await page.getByRole('button', { name: 'Vet' }).click()
    await page.keyboard.type('geloven')
    await page.getByRole('button', { name: 'Vet' }).click()
    await page.keyboard.type(' in ')
    await page.getByRole('button', { name: 'Cursief' }).click()
    await page.keyboard.type('samen')
    await page.getByRole('button', { name: 'Cursief' }).click()
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Opsomming' }).click()
    await page.keyboard.type('Respect')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Vertrouwen')

    const xml = await fragmentXml(page)
    // What TipTap wrote through y-prosemirror: node names, a numeric level, marks as formatting.
    expect(xml).toContain(
      '<heading level="2" section="gedeelde-waarden">Gedeelde waarden</heading>',
    )
    expect(xml).toContain(
      '<paragraph>Wij <bold>geloven</bold> in <italic>samen</italic></paragraph>',
    )
    // (toString lowercases node names; the Markdown below proves `bulletList` and `listItem`.)
    expect(xml).toContain(
      '<bulletlist><listitem><paragraph>Respect</paragraph></listitem><listitem><paragraph>Vertrouwen</paragraph></listitem></bulletlist>',
    )
    const markdown = await waitForServerMarkdown(
      cleanup,
      url(),
      board.id,
      tokenOf(board.links.viewer),
      (md) => md.includes('Vertrouwen'),
    )
    expect(markdown).toContain(
      '## Gedeelde waarden\n\nWij **geloven** in *samen*\n\n- Respect\n- Vertrouwen\n\n## Ambities 2040',
    )
    await screenshot(page, 'manifesto-panel-editor')

    await page.getByRole('button', { name: 'Breed weergeven' }).click()
    await page.locator('.manifesto-panel.is-wide').waitFor()
    await screenshot(page, 'manifesto-panel-wide')
    await page.keyboard.press('Escape')
    await page.locator('.manifesto-panel.is-wide').waitFor({ state: 'detached' })
  })

  it('lets two people type in the manifesto at once and both end with the same text', async () => {
    const board = await createBoard(url(), 'Samen typen')
    const [anna, bram] = await Promise.all(
      [0, 1].map(async () => (await session.newContext()).newPage()),
    )
    if (!anna || !bram) throw new Error('no pages')
    await joinBoard(anna, board.links.editor, { name: 'Anna de Vries', organisation: 'GGD' })
    await joinBoard(bram, board.links.editor, { name: 'Bram Jansen', organisation: 'Gemeente' })
    await Promise.all([waitForStatus(anna, 'connected'), waitForStatus(bram, 'connected')])
    await openManifesto(anna)
    await insertDefaultStructure(anna)
    await openManifesto(bram)
    await bram.locator('.manifesto-prose h2', { hasText: 'Gedeelde waarden' }).waitFor()

    await clickParagraph(anna, 1)
    await clickParagraph(bram, 1)
    const annaText = 'Wij kiezen voor de wijk als basis.'
    const bramText = 'Bewoners aan het stuur, altijd.'
    await Promise.all([
      anna.keyboard.type(annaText, { delay: 15 }),
      bram.keyboard.type(bramText, { delay: 15 }),
    ])

    const deadline = Date.now() + 10_000
    let [a, b] = await Promise.all([fragmentXml(anna), fragmentXml(bram)])
    while (a !== b && Date.now() < deadline) {
      await anna.waitForTimeout(100)
      ;[a, b] = await Promise.all([fragmentXml(anna), fragmentXml(bram)])
    }
    expect(a).toBe(b)
    const [annaVisible, bramVisible] = await Promise.all([visibleText(anna), visibleText(bram)])
    expect(bramVisible).toBe(annaVisible)
    // Both typed into the same empty paragraph; each person's words still arrive whole.
    for (const text of [annaText, bramText]) {
      expect(a).toContain(text)
      expect(annaVisible).toContain(text)
    }
    // Bram sees Anna's caret with her name and organisation.
    await bram.locator('.manifesto-caret-label', { hasText: 'Anna de Vries · GGD' }).waitFor()
    await screenshot(bram, 'manifesto-two-editors-bram')
  })

  it('moves two selected notes into the chosen section with their organisation', async () => {
    const board = await createBoard(url(), 'Naar manifest')
    const page = await (await session.newContext()).newPage()
    await joinBoard(page, board.links.editor, { name: 'Anna de Vries', organisation: 'GGD' })
    await waitForStatus(page, 'connected')
    await addNoteViaUi(page, 'Iedereen doet mee', { x: 300, y: 300 })
    await addNoteViaUi(page, 'Zorg dichtbij huis', { x: 300, y: 560 })
    await waitForShapes(page, (shapes) => shapes.filter((s) => s.type === 'note').length === 2)
    // The notes feature stamps the author's organisation into meta; make sure it is there.
    await page.evaluate(() => {
      const editor = window.__stip?.editor
      if (!editor) return
      const notes = editor.getCurrentPageShapes().filter((shape) => shape.type === 'note')
      editor.updateShapes(
        notes.map((note) => ({
          id: note.id,
          type: note.type,
          meta: { ...note.meta, organisation: note.meta.organisation ?? 'GGD' },
        })),
      )
      editor.select(...notes.map((note) => note.id))
    })

    await openManifesto(page)
    await insertDefaultStructure(page)
    await page.getByText('2 notities geselecteerd.').waitFor()
    await page.getByLabel('Onderdeel').selectOption({ label: 'Ambities 2040' })
    await page.getByRole('button', { name: 'Geselecteerde notities naar manifest' }).click()
    await page.getByText('2 notities toegevoegd aan "Ambities 2040".').waitFor()
    await page.locator('.manifesto-prose li', { hasText: 'Zorg dichtbij huis — GGD' }).waitFor()
    const markdown = await waitForServerMarkdown(
      cleanup,
      url(),
      board.id,
      tokenOf(board.links.viewer),
      (md) => md.includes('Zorg dichtbij huis'),
    )
    expect(markdown).toContain(
      '## Ambities 2040\n\n- Iedereen doet mee — GGD\n- Zorg dichtbij huis — GGD\n\n## Eerste stappen',
    )
    await screenshot(page, 'manifesto-notes-to-manifesto')
  })

  it('lets a viewer read the manifesto but not type in it', async () => {
    const board = await createBoard(url(), 'Meekijken')
    const editorPage = await (await session.newContext()).newPage()
    await joinBoard(editorPage, board.links.editor, { name: 'Anna de Vries', organisation: 'GGD' })
    await openManifesto(editorPage)
    await insertDefaultStructure(editorPage)
    await clickParagraph(editorPage, 0)
    await editorPage.keyboard.type('Samen naar 2040')

    const viewer = await (await session.newContext()).newPage()
    await joinBoard(viewer, board.links.viewer, { name: 'Vera', organisation: 'Gemeente' })
    await waitForStatus(viewer, 'connected')
    await openManifesto(viewer)
    await viewer.locator('.manifesto-prose', { hasText: 'Samen naar 2040' }).waitFor()
    await viewer.getByText('Je kijkt mee: het manifest is alleen te lezen.').waitFor()
    expect(await viewer.locator('.manifesto-prose').getAttribute('contenteditable')).toBe('false')
    expect(await viewer.getByRole('toolbar', { name: 'Opmaak' }).count()).toBe(0)
    const before = await fragmentXml(viewer)
    await viewer.locator('.manifesto-prose > p').first().click()
    await viewer.keyboard.type('Ik mag niet schrijven')
    await viewer.waitForTimeout(300)
    expect(await fragmentXml(viewer)).toBe(before)
    expect(await visibleText(viewer)).not.toContain('Ik mag niet')
    // The server never had to refuse anything: the viewer stays connected.
    await waitForStatus(viewer, 'connected')
    await screenshot(viewer, 'manifesto-viewer')
  })

  it('is usable by keyboard alone and has no WCAG 2.1 AA violations, narrow and wide', async () => {
    const board = await createBoard(url(), 'Toetsenbord')
    const page = await (await session.newContext()).newPage()
    await joinBoard(page, board.links.editor, { name: 'Kees', organisation: 'Politie' })
    await waitForStatus(page, 'connected')
    await openManifesto(page)
    await insertDefaultStructure(page)
    expect(await axeViolations(page)).toEqual([])

    await page.locator('body').focus()
    await tabTo(page, '.manifesto-prose')
    expect(await focusVisible(page)).toBe(true)
    await page.keyboard.type('Met het toetsenbord geschreven.')
    await page.waitForFunction(() =>
      window.__stip?.doc.getXmlFragment('manifesto').toString().includes('toetsenbord geschreven'),
    )
    // The section picker and the wide view are reachable too; the wide view closes with Escape.
    await tabTo(page, '.manifesto-notes-row select')
    expect(await focusVisible(page)).toBe(true)
    await page.getByRole('button', { name: 'Breed weergeven' }).focus()
    await page.keyboard.press('Enter')
    await page.locator('.manifesto-panel.is-wide').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await page.locator('.manifesto-panel.is-wide').waitFor({ state: 'detached' })
  })

  it('offers the default structure again when everything was deleted', async () => {
    const board = await createBoard(url(), 'Leeg manifest')
    const page = await (await session.newContext()).newPage()
    await joinBoard(page, board.links.editor, { name: 'Anna de Vries', organisation: 'GGD' })
    await waitForStatus(page, 'connected')
    await openManifesto(page)
    await insertDefaultStructure(page)
    await page.locator('.manifesto-prose h1').click()
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    await page.getByText('Het manifest is nog leeg.').waitFor()
    await screenshot(page, 'manifesto-empty')
    await page.getByRole('button', { name: 'Standaardopbouw invoegen' }).click()
    await page.locator('.manifesto-prose h2', { hasText: 'Ondertekening' }).waitFor()
    expect(await page.locator('.manifesto-prose h1, .manifesto-prose h2').count()).toBe(7)
  })

  it('keeps text typed offline and merges it on reconnect; it is still there after a reload', async () => {
    const board = await createBoard(url(), 'Offline manifest')
    const awayContext = await session.newContext()
    const away = await awayContext.newPage()
    const here = await (await session.newContext()).newPage()
    await joinBoard(away, board.links.editor, { name: 'Carla', organisation: 'Politie' })
    await joinBoard(here, board.links.editor, { name: 'Dirk', organisation: 'Zorggroep' })
    await Promise.all([waitForStatus(away, 'connected'), waitForStatus(here, 'connected')])
    await openManifesto(away)
    await insertDefaultStructure(away)
    await openManifesto(here)
    await here.locator('.manifesto-prose h2', { hasText: 'Gedeelde waarden' }).waitFor()

    await awayContext.setOffline(true)
    await waitForStatus(away, 'offline')
    await clickParagraph(away, 2)
    await away.keyboard.type('Zonder netwerk geschreven.')
    await clickParagraph(here, 3)
    await here.keyboard.type('Intussen online.')
    await here.waitForTimeout(500)
    expect(await visibleText(here)).not.toContain('Zonder netwerk')

    await awayContext.setOffline(false)
    await waitForStatus(away, 'connected')
    for (const page of [away, here]) {
      await page.locator('.manifesto-prose', { hasText: 'Zonder netwerk geschreven.' }).waitFor()
      await page.locator('.manifesto-prose', { hasText: 'Intussen online.' }).waitFor()
    }
    expect(await fragmentXml(away)).toBe(await fragmentXml(here))

    await here.reload()
    await waitForEditor(here)
    await openManifesto(here)
    await here.locator('.manifesto-prose', { hasText: 'Zonder netwerk geschreven.' }).waitFor()
  })
})

import { mkdirSync } from 'node:fs'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { waitForStatus } from './helpers/board-page'
import { newPhoneContext } from './helpers/browser'
import { useBrowserSession } from './helpers/browser-session'
import { axeViolations, openManifesto } from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'

/** Where the brief asks the screenshots to be, besides the suite's own folder. */
const SHOTS = '/work/shots/comments/'

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, `comments-${name}`)
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}${name}.png` })
}

interface Board {
  id: string
  links: { facilitator: string; editor: string; viewer: string }
}

/** An "Ambities 2040" board (one werkvorm frame) of the Gemeente and the GGD. */
async function createBoard(serverUrl: string): Promise<Board> {
  const response = await fetch(`${serverUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Opmerkingen',
      template: 'ambities-2040',
      organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
    }),
  })
  if (response.status !== 201) throw new Error(`board creation failed: ${response.status}`)
  return (await response.json()) as Board
}

async function join(page: Page, link: string, name: string, organisation: string) {
  // A step that cannot happen fails with its own message, well inside the test's time.
  page.setDefaultTimeout(25_000)
  await joinChoosingOrganisation(page, link, { name, organisation })
  await waitForStatus(page, 'connected')
}

/** Puts a note on the board through the editor, as the note tool would; returns its id. */
function addNote(page: Page, text: string, at: { x: number; y: number }): Promise<string> {
  return page.evaluate(
    ({ text, at }) => {
      const editor = window.__stip?.editor
      if (!editor) throw new Error('no editor')
      const before = new Set(editor.getCurrentPageShapeIds())
      editor.createShape({
        type: 'note',
        x: at.x,
        y: at.y,
        props: {
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
          },
        },
      })
      const created = [...editor.getCurrentPageShapeIds()].find((id) => !before.has(id))
      if (!created) throw new Error('the note was not created')
      return created as string
    },
    { text, at },
  )
}

/** Shows the board from the same spot everywhere, so the note is in sight. */
async function lookAt(page: Page, shapeId: string, camera = { x: 0, y: 0, z: 1 }) {
  await page.waitForFunction((id) => Boolean(window.__stip?.editor.getShape(id as never)), shapeId)
  await page.evaluate((camera) => {
    window.__stip?.editor.setCamera(camera)
  }, camera)
}

/** Selects one shape, as a click on it would (the editor itself cannot cross `evaluate`). */
async function selectShape(page: Page, shapeId: string): Promise<void> {
  await page.evaluate((id) => {
    window.__stip?.editor.select(id as never)
  }, shapeId)
}

const badge = (page: Page, shapeId: string): Locator =>
  page.locator(`.comment-badge:not(.comment-badge-add)[data-shape-id="${shapeId}"]`)
const badgeCount = async (page: Page, shapeId: string): Promise<number> => {
  const found = badge(page, shapeId)
  return (await found.count()) === 0 ? 0 : Number(await found.getAttribute('data-count'))
}
const threadView = (page: Page) => page.locator('.comment-thread')
const messagesOf = (page: Page) => threadView(page).locator('.comment-message .comment-text')
const commentsTab = (page: Page) => page.getByRole('tab', { name: /^Opmerkingen/ })

async function openCommentsTab(page: Page): Promise<void> {
  const showPanels = page.getByRole('button', { name: 'Panelen tonen' })
  if (await showPanels.isVisible()) await showPanels.click()
  await commentsTab(page).click()
}

/** Waits for `frames` animation frames of the page: a count of paints, not a time. */
function afterFrames(page: Page, frames: number): Promise<void> {
  return page.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        let left = frames
        const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step))
        requestAnimationFrame(step)
      }),
    frames,
  )
}

/** Selects `word` inside a paragraph of the editor, as a person dragging over it would. */
async function selectWord(paragraph: Locator, word: string): Promise<void> {
  await paragraph.click()
  await paragraph.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return
    }
    throw new Error(`no "${wanted}" in the paragraph`)
  }, word)
}

/** Puts the caret at the start of a paragraph, as a tap at its left edge does. */
async function caretAtStart(paragraph: Locator): Promise<void> {
  await paragraph.click({ position: { x: 1, y: 4 } })
}

/** A paragraph's own words, without the name tags of others' carets drawn inside it. */
const textWithoutCarets = (paragraph: Locator) =>
  paragraph.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.manifesto-caret')) caret.remove()
    return copy.textContent
  })

/** The words a thread's mark covers in the manifesto (a mark may be split by formatting). */
const markedText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.manifesto-prose .comment-mark')]
      .map((mark) => mark.textContent)
      .join(''),
  )

describe('comment threads between two organisations', () => {
  const session = useBrowserSession()
  const url = () => session.server.server.url
  let board: Board
  let gemeente: Page
  let ggd: Page
  let phone: BrowserContext
  let noteId: string

  it('GGD on a phone starts a thread on a note; the Gemeente sees the badge live, replies and resolves; GGD reopens; both survive a reload', async () => {
    board = await createBoard(url())
    gemeente = await (await session.newContext()).newPage()
    await join(gemeente, board.links.editor, 'Wim', 'Gemeente')
    phone = await newPhoneContext(session.browser)
    ggd = await phone.newPage()
    await join(ggd, board.links.editor, 'Aïsha', 'GGD')

    noteId = await addNote(gemeente, 'Buurthuis elke avond open', { x: 60, y: 120 })
    for (const page of [gemeente, ggd]) await lookAt(page, noteId)

    // The GGD selects the note: a button at its corner offers a comment, a full touch target.
    await selectShape(ggd, noteId)
    const add = ggd.locator(`.comment-badge-add[data-shape-id="${noteId}"]`)
    await add.waitFor()
    expect((await add.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44)
    await add.tap()
    const form = ggd.locator('.comment-new')
    await form.locator('blockquote', { hasText: 'Buurthuis elke avond open' }).waitFor()
    await form.getByLabel('Je opmerking').fill('Kan dit ook in het weekend?')
    await form.getByRole('button', { name: 'Plaatsen', exact: true }).tap()
    await messagesOf(ggd).filter({ hasText: 'Kan dit ook in het weekend?' }).waitFor()

    // The Gemeente sees the count on the note at once, and on the tab.
    await expect.poll(() => badgeCount(gemeente, noteId)).toBe(1)
    await gemeente.getByRole('tab', { name: /^Opmerkingen.*1 open opmerking/ }).waitFor()
    await shot(gemeente, 'badge-on-note-desktop')
    await badge(gemeente, noteId).click()
    await threadView(gemeente).locator('.comment-meta', { hasText: 'Aïsha, GGD ·' }).waitFor()
    await gemeente.getByLabel('Je antwoord').fill('Goed punt, we vragen het de beheerder.')
    await gemeente.getByRole('button', { name: 'Antwoorden', exact: true }).click()
    await messagesOf(gemeente).filter({ hasText: 'Goed punt' }).waitFor()
    // Cleared on the server's answer, which may come just after the change over the socket.
    await expect.poll(() => gemeente.getByLabel('Je antwoord').inputValue()).toBe('')
    expect(await axeViolations(gemeente)).toEqual([])
    await shot(gemeente, 'thread-open-desktop')

    // The GGD sees the reply live, with name and organisation.
    await messagesOf(ggd).filter({ hasText: 'Goed punt, we vragen het de beheerder.' }).waitFor()
    await threadView(ggd).locator('.comment-meta', { hasText: 'Wim, Gemeente ·' }).waitFor()
    const reply = ggd.getByRole('button', { name: 'Antwoorden', exact: true })
    expect((await reply.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44)
    await shot(ggd, 'thread-open-phone')

    // The Gemeente resolves: the badge goes for both.
    await gemeente.getByRole('button', { name: 'Markeren als opgelost' }).click()
    await threadView(gemeente).getByText('Opgelost door Wim (Gemeente)', { exact: false }).waitFor()
    for (const page of [gemeente, ggd]) await expect.poll(() => badgeCount(page, noteId)).toBe(0)
    expect(await gemeente.getByRole('tab', { name: /open opmerking/ }).count()).toBe(0)

    // The GGD reopens: the badge is back.
    await ggd.getByRole('button', { name: 'Heropenen' }).tap()
    for (const page of [gemeente, ggd]) await expect.poll(() => badgeCount(page, noteId)).toBe(1)
    await ggd.evaluate(() => {
      window.__stip?.editor.selectNone()
    })
    await badge(ggd, noteId).waitFor()
    expect((await badge(ggd, noteId).boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44)
    await shot(ggd, 'badge-on-note-phone')

    // Both reload: the thread, its two messages and its badge come back from the server.
    for (const page of [gemeente, ggd]) {
      await page.reload()
      await waitForStatus(page, 'connected')
      await lookAt(page, noteId)
      await expect.poll(() => badgeCount(page, noteId)).toBe(1)
    }
    // On the phone the panels are closed after the reload: their button counts the open thread.
    await ggd.getByRole('button', { name: 'Panelen tonen 1 open opmerking' }).waitFor()
    await shot(ggd, 'panels-button-phone')
    await badge(ggd, noteId).tap()
    await expect
      .poll(() => messagesOf(ggd).allTextContents())
      .toEqual(['Kan dit ook in het weekend?', 'Goed punt, we vragen het de beheerder.'])
  }, 240_000)

  it('keys: with the note selected, Backspace and Delete typed in the reply box delete nothing on the board', async () => {
    await badge(gemeente, noteId).click()
    // Opening a thread focuses its heading for a few frames (board-shell's focusSoon): let it.
    await gemeente.locator('.comment-thread-heading:focus').waitFor()
    await afterFrames(gemeente, 30)
    await selectShape(gemeente, noteId)
    const box = gemeente.getByLabel('Je antwoord')
    await box.click()
    await gemeente.keyboard.type('abc')
    expect(await box.inputValue()).toBe('abc')
    for (const key of ['Backspace', 'Backspace', 'Backspace', 'Backspace', 'Delete']) {
      await gemeente.keyboard.press(key)
    }
    expect(await box.inputValue()).toBe('')
    expect(
      await gemeente.evaluate((id) => Boolean(window.__stip?.editor.getShape(id as never)), noteId),
    ).toBe(true)
    expect(
      await ggd.evaluate((id) => Boolean(window.__stip?.editor.getShape(id as never)), noteId),
    ).toBe(true)
  }, 60_000)

  it('a thread on a manifesto passage is marked, keeps covering the same words while text is typed before it, and is listed under its section', async () => {
    await openManifesto(gemeente)
    const values = (page: Page) =>
      page.locator('.manifesto-prose h2:has-text("Gedeelde waarden") + p')
    await values(gemeente).click()
    await gemeente.keyboard.type('Wij geloven in samenwerking met bewoners.')
    await selectWord(values(gemeente), 'samenwerking')
    const start = gemeente.locator('.passage-comment-start').getByRole('button', {
      name: 'Opmerking plaatsen',
    })
    await expect.poll(() => start.isDisabled()).toBe(false)
    await start.click()
    const form = gemeente.locator('.passage-comments .comment-new')
    await form.locator('blockquote', { hasText: 'samenwerking' }).waitFor()
    await form.getByLabel('Je opmerking').fill('Samenwerking met wie precies?')
    await form.getByRole('button', { name: 'Plaatsen', exact: true }).click()
    // The thread opens beside the text, and the passage is marked for both organisations.
    await gemeente.locator('.passage-comments .comment-thread').waitFor()
    await expect.poll(() => markedText(gemeente)).toBe('samenwerking')
    await openManifesto(ggd)
    await expect.poll(() => markedText(ggd)).toBe('samenwerking')
    await shot(gemeente, 'manifesto-mark-desktop')

    // The GGD types before the passage: the mark still covers the same word.
    await caretAtStart(values(ggd))
    await ggd.keyboard.type('Echt: ')
    for (const page of [gemeente, ggd]) {
      await expect
        .poll(() => textWithoutCarets(values(page)))
        .toBe('Echt: Wij geloven in samenwerking met bewoners.')
      await expect.poll(() => markedText(page)).toBe('samenwerking')
    }
    await ggd.locator('.comment-mark').first().scrollIntoViewIfNeeded()
    await shot(ggd, 'manifesto-mark-phone')

    // A click on the mark opens its thread beside the text.
    await ggd.locator('.comment-mark').first().tap()
    await ggd
      .locator('.passage-comments .comment-text', { hasText: 'Samenwerking met wie precies?' })
      .waitFor()

    // The overview lists it under its section.
    await openCommentsTab(gemeente)
    const section = gemeente.locator('.comments-group', {
      has: gemeente.getByRole('heading', { name: 'Manifest: Gedeelde waarden' }),
    })
    await section.getByRole('button', { name: /Open de opmerking over:\s*samenwerking/ }).waitFor()
    await shot(gemeente, 'overview-desktop')
  }, 180_000)

  it('a werkvorm thread, from the overview to the werkvorm', async () => {
    await gemeente.getByRole('tab', { name: 'Werkvormen' }).click()
    await gemeente.getByRole('button', { name: /^Opmerking plaatsen bij werkvorm/ }).click()
    const form = gemeente.locator('.comment-new')
    await form.getByLabel('Je opmerking').fill('Missen we hier de woningcorporatie?')
    await form.getByRole('button', { name: 'Plaatsen', exact: true }).click()
    await messagesOf(gemeente).filter({ hasText: 'woningcorporatie' }).waitFor()
    const frameId: string = await gemeente.evaluate(() =>
      String(
        window.__stip?.editor
          .getCurrentPageShapes()
          .find((shape) => (shape.meta as { stipPart?: string }).stipPart === 'frame')?.id ?? '',
      ),
    )

    // The GGD, looking elsewhere, finds it in the overview, and a click brings the werkvorm.
    await ggd.evaluate(() => {
      window.__stip?.editor.setCamera({ x: -20_000, y: -20_000, z: 1 })
    })
    // The last thread it opened was a passage's, shown beside the manifesto: the tab shows the
    // overview.
    await openCommentsTab(ggd)
    const item = ggd.getByRole('button', {
      name: /Open de opmerking over:.*nieuw sinds je laatste bezoek/,
    })
    await ggd
      .locator('.comments-group', { has: ggd.getByRole('heading', { name: /Ambities/ }) })
      .waitFor()
    await shot(ggd, 'overview-phone')
    await item.filter({ hasText: 'woningcorporatie' }).tap()
    await messagesOf(ggd).filter({ hasText: 'Missen we hier de woningcorporatie?' }).waitFor()
    await expect
      .poll(() =>
        ggd.evaluate((id) => {
          const editor = window.__stip?.editor
          const bounds = editor?.getShapePageBounds(id as never)
          return Boolean(bounds && editor?.getViewportPageBounds().collides(bounds))
        }, frameId),
      )
      .toBe(true)
    expect(await ggd.evaluate(() => window.__stip?.editor.getOnlySelectedShapeId())).toBe(frameId)
  }, 120_000)

  it('a viewer reads the threads without a reply box; a reply sent offline keeps its text', async () => {
    const viewer = await (await session.newContext()).newPage()
    await join(viewer, board.links.viewer, 'Lars', 'Inwoners')
    await openCommentsTab(viewer)
    await viewer.getByRole('button', { name: /Open de opmerking over:\s*Buurthuis/ }).click()
    await messagesOf(viewer).filter({ hasText: 'Goed punt' }).waitFor()
    await viewer
      .getByText('Je kijkt mee: je kunt de opmerkingen lezen, niet beantwoorden.')
      .waitFor()
    expect(await viewer.getByLabel('Je antwoord').count()).toBe(0)
    expect(await viewer.getByRole('button', { name: 'Heropenen' }).count()).toBe(0)
    expect(await viewer.getByRole('button', { name: 'Markeren als opgelost' }).count()).toBe(0)

    // The Gemeente goes offline and replies: it is not sent, the page says so, the text stays.
    await badge(gemeente, noteId).click()
    const context = gemeente.context()
    await context.setOffline(true)
    await waitForStatus(gemeente, 'offline')
    const box = gemeente.getByLabel('Je antwoord')
    await box.fill('Dit schreef ik in de trein.')
    await gemeente.getByRole('button', { name: 'Antwoorden', exact: true }).click()
    await gemeente.getByRole('alert').filter({ hasText: 'Je bent offline' }).waitFor()
    expect(await box.inputValue()).toBe('Dit schreef ik in de trein.')
    await shot(gemeente, 'offline-draft-desktop')
    // Online again, the same text goes out.
    await context.setOffline(false)
    await waitForStatus(gemeente, 'connected')
    await gemeente.getByRole('button', { name: 'Antwoorden', exact: true }).click()
    await messagesOf(viewer).filter({ hasText: 'Dit schreef ik in de trein.' }).waitFor()
    // The box empties on the server's answer, which can come after the change reached the viewer.
    await expect.poll(() => box.inputValue()).toBe('')
  }, 120_000)

  it('the facilitator removes a message: its text goes for everyone, its place stays', async () => {
    const chair = await (await session.newContext()).newPage()
    await join(chair, board.links.facilitator, 'Fenna', 'Gemeente')
    await openCommentsTab(chair)
    await chair.getByRole('button', { name: /Open de opmerking over:\s*Buurthuis/ }).click()
    const removed = 'Dit schreef ik in de trein.'
    await chair.getByRole('button', { name: 'Bericht van Wim verwijderen' }).last().click()
    await chair.getByRole('button', { name: 'Echt verwijderen' }).click()
    for (const page of [chair, gemeente]) {
      await threadView(page).getByText('Dit bericht is verwijderd door de begeleider.').waitFor()
      await expect.poll(() => messagesOf(page).allTextContents()).not.toContain(removed)
      // The earlier messages keep their place and words.
      expect((await messagesOf(page).allTextContents()).slice(0, 2)).toEqual([
        'Kan dit ook in het weekend?',
        'Goed punt, we vragen het de beheerder.',
      ])
    }
    // Nobody else is offered the removal.
    expect(
      await threadView(gemeente)
        .getByRole('button', { name: /verwijderen/i })
        .count(),
    ).toBe(0)
    await phone.close()
  }, 120_000)
})

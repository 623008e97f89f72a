import type { Page } from 'playwright-core'

export interface JoinAs {
  name: string
  organisation: string
  role?: string
}

/** Opens a board, fills the join form through its labels, and waits until the editor is up. */
export async function joinBoard(page: Page, boardUrl: string, who: JoinAs): Promise<void> {
  await page.goto(boardUrl)
  if (!(await joinedAsViewer(page, who.name))) {
    await page.getByLabel('Je naam').fill(who.name)
    await page.getByLabel('Organisatie').fill(who.organisation)
    if (who.role) await page.getByLabel('Rol').fill(who.role)
    await page.getByRole('button', { name: 'Naar het bord' }).click()
  }
  await waitForEditor(page)
}

/**
 * A meekijklink's join screen ("Je kijkt mee") asks only for a name: fills it in and goes on,
 * and returns false on any other join screen, which the caller fills in.
 */
export async function joinedAsViewer(page: Page, name: string): Promise<boolean> {
  const nameField = page.getByLabel('Je naam')
  await nameField.waitFor()
  if ((await page.getByRole('heading', { name: 'Je kijkt mee' }).count()) === 0) return false
  await nameField.fill(name)
  await page.getByRole('button', { name: 'Meekijken' }).click()
  return true
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__stip?.editor), undefined, { timeout: 20_000 })
  await page.locator('.tl-canvas').waitFor()
}

/**
 * Waits until the canvas is at rest in the select tool, no note open for typing, and a press
 * can no longer count as the second half of a double click: pressing a note within tldraw's
 * double-click time of the click that made it opens it for typing instead of dragging it.
 */
export async function waitForCanvasIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const editor = window.__stip?.editor
    return Boolean(editor && editor.getEditingShapeId() === null && editor.isIn('select.idle'))
  })
  const doubleClickMs = await page.evaluate(
    () => window.__stip?.editor.options.doubleClickDurationMs ?? 450,
  )
  await page.waitForTimeout(doubleClickMs)
}

/** Waits for the status pill to show a state (data-status: connected | connecting | offline). */
export async function waitForStatus(
  page: Page,
  status: 'connected' | 'connecting' | 'offline',
  timeout = 15_000,
): Promise<void> {
  await page.locator(`.status-pill[data-status="${status}"]`).waitFor({ timeout })
}

export interface ShapeSummary {
  id: string
  type: string
  text: string
}

/** Every shape on the current page as plain data, sorted by id (the editor can't cross evaluate). */
export function shapesOf(page: Page): Promise<ShapeSummary[]> {
  return page.evaluate(() => {
    const editor = window.__stip?.editor
    if (!editor) return []
    return editor
      .getCurrentPageShapes()
      .map((shape) => ({
        id: shape.id as string,
        type: shape.type,
        text: editor.getShapeUtil(shape).getText(shape) ?? '',
      }))
      .sort((a, b) => a.id.localeCompare(b.id))
  })
}

/** Polls `shapesOf` until `predicate` holds; returns the last snapshot. */
export async function waitForShapes(
  page: Page,
  predicate: (shapes: ShapeSummary[]) => boolean,
  timeout = 10_000,
): Promise<ShapeSummary[]> {
  const deadline = Date.now() + timeout
  let shapes = await shapesOf(page)
  while (!predicate(shapes)) {
    if (Date.now() > deadline) {
      throw new Error(`shapes never matched within ${timeout} ms; last: ${JSON.stringify(shapes)}`)
    }
    await page.waitForTimeout(50)
    shapes = await shapesOf(page)
  }
  return shapes
}

/**
 * Waits until a note's text editor has the keyboard: it takes focus a moment after the note is
 * made or opened, and keys typed earlier go to the canvas as shortcuts.
 */
export async function waitForNoteTyping(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const active = document.activeElement as HTMLElement | null
    return Boolean(active?.isContentEditable && window.__stip?.editor.getEditingShapeId())
  })
}

/** Creates a sticky note through the UI: note tool, click on the canvas, type, Escape. */
export async function addNoteViaUi(
  page: Page,
  text: string,
  at: { x: number; y: number },
): Promise<void> {
  await page.keyboard.press('Escape')
  await page.getByTestId('tools.note').click()
  await page.mouse.click(at.x, at.y)
  // The note opens its rich-text editor a moment after the click; keys typed earlier go to
  // the canvas as shortcuts.
  await waitForNoteTyping(page)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

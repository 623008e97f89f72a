import { copyFileSync, mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from './helpers/axe'
import { waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'

const FRAME = 'shape:tpl-gedeelde-waarden-start-frame'
const LANE = 'shape:tpl-gedeelde-waarden-start-lane-waar-we-elkaar-vinden'
const ORGANISATIONS = ['Gemeente', 'GGD', 'Politie'] as const

/** Values as three organisations wrote them, heaped on one spot of "Waar we elkaar vinden". */
const HEAP: ReadonlyArray<readonly [string, (typeof ORGANISATIONS)[number]]> = [
  ['Vertrouwen in elkaar', 'Gemeente'],
  ['Respect voor elkaar', 'GGD'],
  ['Gelijkwaardig samenwerken', 'Politie'],
  ['Vertrouwen geven aan bewoners', 'GGD'],
  ['Samen verantwoordelijkheid dragen', 'Gemeente'],
  ['Respect voor de eigen regie van inwoners', 'Politie'],
  ['Onderling vertrouwen tussen partners', 'Politie'],
  ['Gelijkwaardigheid tussen inwoner en professional', 'Gemeente'],
  ['Verantwoordelijkheid nemen voor de wijk', 'GGD'],
  ['Met respect luisteren', 'Gemeente'],
  ['Gelijkwaardig meedenken', 'GGD'],
  ['Eigen verantwoordelijkheid van de inwoner', 'Politie'],
  ['Lef om los te laten', 'Gemeente'],
  ['Vertrouwen als basis', 'GGD'],
]

/** Copies a screenshot where the people reviewing this feature look (/work/shots/clusters). */
async function shot(page: Page, name: string) {
  const path = await screenshot(page, `clusters-${name}`)
  const dir = process.env.STIP_SHOTS_DIR
  if (dir) {
    mkdirSync(dir, { recursive: true })
    copyFileSync(path, `${dir}/${name}.png`)
  }
}

interface NoteBox {
  id: string
  text: string
  organisation: string
  parentName: string | null
  x: number
  y: number
  maxX: number
  maxY: number
}

/** Every note on the page (the werkvorm's example too) with its page box, as plain data. */
function notesOf(page: Page): Promise<NoteBox[]> {
  return page.evaluate(() => {
    const editor = window.__stip!.editor
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note')
      .map((shape) => {
        const box = editor.getShapePageBounds(shape)!
        const parent = editor.getShape(shape.parentId as never)
        return {
          id: shape.id,
          text: editor.getShapeUtil(shape).getText(shape) ?? '',
          organisation: String(shape.meta.organisation ?? ''),
          parentName: parent?.type === 'frame' ? (parent.props as { name: string }).name : null,
          x: box.x,
          y: box.y,
          maxX: box.maxX,
          maxY: box.maxY,
        }
      })
  })
}

function laneOf(page: Page) {
  return page.evaluate((id) => {
    const box = window.__stip!.editor.getShapePageBounds(id as never)!
    return { x: box.x, y: box.y, maxX: box.maxX, maxY: box.maxY }
  }, LANE)
}

/** Cluster frames on the page: name and the texts of the notes inside. */
function clustersOf(page: Page) {
  return page.evaluate(() => {
    const editor = window.__stip!.editor
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'frame' && shape.meta.stipCluster === true)
      .map((frame) => ({
        name: (frame.props as { name: string }).name,
        notes: editor
          .getSortedChildIdsForParent(frame.id)
          .map((id) => editor.getShape(id)!)
          .filter((shape) => shape.type === 'note')
          .map((shape) => editor.getShapeUtil(shape).getText(shape) ?? ''),
      }))
  })
}

type Box = { x: number; y: number; maxX: number; maxY: number }
const overlap = (a: Box, b: Box) => a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY

function overlappingPairs(notes: readonly NoteBox[]): string[] {
  const pairs: string[] = []
  for (let i = 0; i < notes.length; i++)
    for (let j = i + 1; j < notes.length; j++)
      if (overlap(notes[i]!, notes[j]!)) pairs.push(`${notes[i]!.text} / ${notes[j]!.text}`)
  return pairs
}

const outside = (notes: readonly NoteBox[], lane: Box) =>
  notes
    .filter((n) => n.x < lane.x || n.y < lane.y || n.maxX > lane.maxX || n.maxY > lane.maxY)
    .map((n) => n.text)

/** Waits until this page shows the heap tidied: every note apart and inside the section. */
async function waitForTidy(page: Page) {
  await expect
    .poll(
      async () => {
        const notes = await notesOf(page)
        const lane = await laneOf(page)
        return {
          count: notes.length,
          overlapping: overlappingPairs(notes),
          outside: outside(notes, lane),
        }
      },
      { timeout: 30_000 },
    )
    .toEqual({ count: HEAP.length + 1, overlapping: [], outside: [] })
}

describe('tidy, group per organisation and suggested clusters', () => {
  const session = useBrowserSession()

  it('a begeleider tidies a heap, groups it, accepts clusters and votes; a partner sees it all', async () => {
    const url = session.server.server.url
    const response = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Waarden',
        template: 'gedeelde-waarden',
        organisations: ORGANISATIONS.map((name) => ({ name })),
      }),
    })
    const board = (await response.json()) as { id: string; links: Record<string, string> }

    const facilitator = await (await session.newContext()).newPage()
    await joinChoosingOrganisation(facilitator, board.links.facilitator!, {
      name: 'Fenna',
      organisation: 'Gemeente',
    })
    await waitForStatus(facilitator, 'connected')
    const share = facilitator.getByRole('dialog', { name: 'Bord delen' })
    if (await share.isVisible()) await facilitator.keyboard.press('Escape')

    const partner = await (await session.newContext()).newPage()
    await joinChoosingOrganisation(partner, board.links.editor!, {
      name: 'Piet',
      organisation: 'Politie',
    })
    await waitForStatus(partner, 'connected')

    // The werkvorm is locked, as during a session: its notes must still move.
    await facilitator.getByRole('tab', { name: 'Werkvormen', exact: true }).click()
    await facilitator.getByRole('button', { name: 'Werkvorm vastzetten: Gedeelde waarden' }).click()

    // A heap: fourteen notes dropped almost on top of each other.
    await facilitator.evaluate(
      ({ frame, lane, heap }) => {
        const editor = window.__stip!.editor
        const laneBox = editor.getShapePageBounds(lane as never)!
        const frameBox = editor.getShapePageBounds(frame as never)!
        heap.forEach(([text, organisation], i) => {
          editor.createShape({
            type: 'note',
            parentId: frame as never,
            x: laneBox.x - frameBox.x + 500 + (i % 5) * 40,
            y: laneBox.y - frameBox.y + 220 + i * 18,
            meta: { authorId: `author-${organisation}`, authorName: organisation, organisation },
            props: {
              color: ({ Gemeente: 'blue', GGD: 'green', Politie: 'violet' } as const)[organisation],
              richText: {
                type: 'doc',
                content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
              },
            },
          })
        })
        editor.zoomToBounds(laneBox, { inset: 40, animation: { duration: 0 } })
      },
      { frame: FRAME, lane: LANE, heap: HEAP },
    )
    await expect.poll(async () => (await notesOf(partner)).length, { timeout: 30_000 }).toBe(15)
    expect(overlappingPairs(await notesOf(facilitator)).length).toBeGreaterThan(10)
    const zoomToLane = (page: Page) =>
      page.evaluate((lane) => {
        const editor = window.__stip!.editor
        editor.zoomToBounds(editor.getShapePageBounds(lane as never)!, {
          inset: 40,
          animation: { duration: 0 },
        })
      }, LANE)
    await zoomToLane(partner)
    await shot(partner, 'before-heap')

    // Netjes ordenen on the section.
    await facilitator.getByRole('tab', { name: 'Ordenen', exact: true }).click()
    await facilitator.getByRole('combobox', { name: 'Wat ordenen?' }).selectOption(LANE)
    await facilitator.getByRole('button', { name: 'Netjes ordenen' }).click()
    await facilitator.getByRole('status').filter({ hasText: '15 notities geordend.' }).waitFor()
    await waitForTidy(facilitator)
    await waitForTidy(partner)
    await shot(partner, 'after-tidy')

    // Per organisatie: every organisation on rows of its own, on the partner's canvas too.
    await facilitator.getByRole('button', { name: 'Groepeer per organisatie' }).click()
    await expect
      .poll(
        async () => {
          const notes = await notesOf(partner)
          const rows = new Map<number, Set<string>>()
          for (const note of notes) {
            const row = rows.get(Math.round(note.y)) ?? new Set<string>()
            row.add(note.organisation)
            rows.set(Math.round(note.y), row)
          }
          return [...rows.values()].every((organisations) => organisations.size === 1)
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    await waitForTidy(partner)
    await shot(partner, 'after-by-organisation')

    // Stel clusters voor: the panel lists suggestions with a name from the notes' words.
    await facilitator.getByRole('button', { name: 'Stel clusters voor' }).click()
    const suggestions = facilitator.locator('.cluster-suggestion')
    await suggestions.first().waitFor()
    const count = await suggestions.count()
    expect(count).toBeGreaterThanOrEqual(2)
    await shot(facilitator, 'suggestions-panel')
    expect(await axeViolations(facilitator)).toEqual([])

    // Rename and accept the first, accept the second, reject the third if there is one.
    const first = suggestions.first()
    const firstNotes = await first.locator('.cluster-notes li').allTextContents()
    await first.getByLabel('Naam van het cluster').fill('Rode draad één')
    await first.getByRole('button', { name: 'Cluster Rode draad één overnemen' }).click()
    await facilitator
      .getByRole('status')
      .filter({ hasText: 'Cluster Rode draad één staat nu op het bord.' })
      .waitFor()
    const second = suggestions.first()
    const secondName = await second.getByLabel('Naam van het cluster').inputValue()
    const secondNotes = await second.locator('.cluster-notes li').allTextContents()
    await second.getByRole('button', { name: `Cluster ${secondName} overnemen` }).click()
    if (count >= 3) {
      const third = suggestions.first()
      const thirdName = await third.getByLabel('Naam van het cluster').inputValue()
      await third.getByRole('button', { name: `Cluster ${thirdName} afwijzen` }).click()
      await facilitator
        .getByRole('status')
        .filter({ hasText: `Voorstel ${thirdName} afgewezen.` })
        .waitFor()
    }
    expect(await suggestions.count()).toBe(Math.max(0, count - 3))

    // The partner sees two named clusters holding exactly the accepted notes, all tidy.
    await expect
      .poll(async () => (await clustersOf(partner)).map((c) => [c.name, [...c.notes].sort()]), {
        timeout: 30_000,
      })
      .toEqual(
        expect.arrayContaining([
          ['Rode draad één', [...firstNotes].sort()],
          [secondName, [...secondNotes].sort()],
        ]),
      )
    await waitForTidy(partner)
    await partner.locator('.tl-frame-heading', { hasText: 'Rode draad één' }).waitFor()
    await zoomToLane(partner)
    await shot(partner, 'after-clusters')

    // Undo takes back the last cluster as one step, redo puts it back.
    await facilitator.evaluate(() => {
      window.__stip!.editor.undo()
    })
    await expect.poll(async () => (await clustersOf(partner)).length, { timeout: 30_000 }).toBe(1)
    await facilitator.evaluate(() => {
      window.__stip!.editor.redo()
    })
    await expect.poll(async () => (await clustersOf(partner)).length, { timeout: 30_000 }).toBe(2)

    // Clustered notes still count in their section: the report lists them under it.
    const report = await fetch(`${url}/api/boards/${board.id}/report.md`, {
      headers: { authorization: `Bearer ${new URL(board.links.facilitator!).hash.slice(7)}` },
    }).then((res) => res.text())
    const section = report.slice(report.indexOf('Waar we elkaar vinden'))
    for (const text of [...firstNotes, ...secondNotes]) expect(section).toContain(text)

    // Vote: a note inside a cluster picks the werkvorm, and the ballot holds clustered notes.
    const inCluster = (await notesOf(facilitator)).find((note) => note.text === firstNotes[0])!
    await facilitator.evaluate((id) => {
      window.__stip!.editor.select(id as never)
    }, inCluster.id)
    await facilitator.getByRole('tab', { name: 'Stemmen', exact: true }).click()
    await facilitator.getByText('Stemmen over: Gedeelde waarden').first().waitFor()
    await facilitator.getByRole('button', { name: 'Start stemronde' }).click()
    await partner.getByRole('tab', { name: 'Stemmen', exact: true }).click()
    await partner
      .locator('.ballot-list')
      .getByRole('button', { name: `Stem op: ${firstNotes[0]}`, exact: true })
      .click()
    await partner.getByText('Je hebt nog 2 van 3 stippen.').waitFor()
    await shot(partner, 'vote-on-clusters')
  }, 240_000)

  it('offers the Ordenen tab on a phone with full-size touch targets', async () => {
    const url = session.server.server.url
    const response = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Waarden', template: 'gedeelde-waarden' }),
    })
    const board = (await response.json()) as { links: Record<string, string> }
    const phone = await (await session.newContext()).newPage()
    await phone.setViewportSize({ width: 390, height: 844 })
    await phone.goto(board.links.facilitator!)
    await phone.getByLabel('Je naam').fill('Fenna')
    await phone.getByLabel('Organisatie').fill('Gemeente')
    await phone.getByRole('button', { name: 'Naar het bord' }).click()
    await waitForStatus(phone, 'connected')
    const share = phone.getByRole('dialog', { name: 'Bord delen' })
    if (await share.isVisible()) await phone.keyboard.press('Escape')
    const open = phone.getByRole('button', { name: 'Panelen tonen' })
    if (await open.isVisible()) await open.click()
    await phone.getByRole('tab', { name: 'Ordenen', exact: true }).click()
    const tidy = phone.getByRole('button', { name: 'Netjes ordenen' })
    await tidy.scrollIntoViewIfNeeded()
    for (const name of ['Netjes ordenen', 'Groepeer per organisatie', 'Stel clusters voor']) {
      const box = await phone.getByRole('button', { name }).boundingBox()
      expect(box!.height, name).toBeGreaterThanOrEqual(44)
    }
    await shot(phone, 'phone-panel')
  })
})

import type { Page } from 'playwright-core'
import { addNoteViaUi } from '../helpers/board-page'
import { insertDefaultStructure, openManifesto } from '../helpers/manifesto-page'
import { openTab, screenPointOf, visibleNoteTexts } from './page-reading'
import type { Person } from './soak-people'
import { expectNote, panelPeople, type SoakSession, type Werkvorm } from './soak-session'
import { waitForStoredRecord } from './soak-verify'

/*
 * The facilitated flows, one small function per action, driven through the real UI: the
 * buttons and labels a person uses. When a flow changes, only its function here changes.
 */

/** The facilitator adds every werkvorm from the Werkvormen panel; returns their frames. */
export function addEveryWerkvorm(session: SoakSession): Promise<Werkvorm[]> {
  return session.facilitator.act(async (page) => {
    await openTab(page, 'Werkvormen')
    const buttons = page.getByRole('button', { name: /^Toevoegen aan het bord: / })
    const count = await buttons.count()
    for (let i = 0; i < count; i++) {
      await buttons.nth(i).click()
      await expectFrames(page, i + 1)
    }
    return readWerkvormen(page)
  })
}

async function expectFrames(page: Page, n: number) {
  await page.waitForFunction(
    (wanted) =>
      (window.__stip?.editor.getCurrentPageShapes() ?? []).filter(
        (shape) => shape.type === 'frame' && shape.meta.stipPart === 'frame',
      ).length === wanted,
    n,
  )
}

function readWerkvormen(page: Page): Promise<Werkvorm[]> {
  return page.evaluate(() =>
    (window.__stip?.editor.getCurrentPageShapes() ?? [])
      .filter((shape) => shape.type === 'frame' && shape.meta.stipPart === 'frame')
      .map((shape) => {
        const props = shape.props as { name: string; w: number; h: number }
        return {
          templateId: String(shape.meta.stipTemplate),
          frameId: shape.id as string,
          name: props.name,
          w: props.w,
          h: props.h,
        }
      }),
  )
}

/** The facilitator starts a dot vote on a werkvorm's notes. */
export function startVote(session: SoakSession, werkvorm: Werkvorm, dots: number) {
  return session.facilitator.act(async (page) => {
    await openTab(page, 'Stemmen')
    await page.evaluate((id) => {
      window.__stip?.editor.select(id as never)
    }, werkvorm.frameId)
    await page.getByLabel('Stippen per persoon').fill(String(dots))
    await page.getByRole('button', { name: 'Start stemronde' }).click()
    await page.locator('.vote-phase[data-phase="open"]').waitFor()
    session.counters.votes += 1
  })
}

/**
 * Each voter spends every dot on notes they choose from their own ballot (the random draws
 * are made up front, so the seed decides them whatever order the voters run in). Returns the
 * dots per note text.
 */
export async function castVotes(
  session: SoakSession,
  voters: readonly Person[],
  dots: number,
): Promise<Map<string, number>> {
  const cast = new Map<string, number>()
  await Promise.all(
    voters.map((voter) => {
      const draws = Array.from({ length: dots }, () => session.random.next())
      return voter.act(async (page) => {
        await openTab(page, 'Stemmen')
        await page.getByText(`Je hebt nog ${dots} van ${dots} stippen.`).waitFor()
        for (const [index, draw] of draws.entries()) {
          const panel = page.locator('.ballot-list')
          const buttons = panel.getByRole('button', { name: /^Stem op: / })
          const labels = await buttons.evaluateAll((all) =>
            all.map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''),
          )
          const label = labels[Math.floor(draw * labels.length)]
          if (!label) throw new Error(`${voter.name} has nothing to vote on`)
          await panel.getByRole('button', { name: label, exact: true }).click()
          const left = dots - index - 1
          await page.getByText(`Je hebt nog ${left} van ${dots} stippen.`).waitFor()
          const text = label.replace(/^Stem op: /, '')
          cast.set(text, (cast.get(text) ?? 0) + 1)
        }
      })
    }),
  )
  return cast
}

/** The results list of a page, as text -> dots (notes without dots left out). */
async function resultsOf(page: Page): Promise<Map<string, number>> {
  await page.locator('.results-list').waitFor()
  const rows = await page
    .locator('.results-list .result-item')
    .evaluateAll((items) =>
      items.map((item) => [
        (item.querySelector('.ballot-text')?.textContent ?? '').trim(),
        Number(item.getAttribute('data-count')),
      ]),
    )
  return new Map((rows as [string, number][]).filter(([, count]) => count > 0))
}

/** The facilitator reveals; every panel user must then see exactly the dots that were cast. */
export async function reveal(session: SoakSession, cast: Map<string, number>): Promise<void> {
  await session.facilitator.act(async (page) => {
    await openTab(page, 'Stemmen')
    await page.getByRole('button', { name: 'Toon uitslag' }).click()
  })
  const expected = JSON.stringify([...cast].sort())
  await Promise.all(
    panelPeople(session).map((person) =>
      person.act(async (page) => {
        await openTab(page, 'Stemmen')
        const deadline = Date.now() + 15_000
        for (;;) {
          const seen = JSON.stringify([...(await resultsOf(page))].sort())
          if (seen === expected) break
          if (Date.now() > deadline) {
            throw new Error(`${person.name} sees results ${seen}, cast were ${expected}`)
          }
          await page.waitForTimeout(200)
        }
      }),
    ),
  )
}

/** The facilitator puts the winner in Kernwaarden (and the manifesto's shared values). */
export function promote(session: SoakSession) {
  return session.facilitator.act(async (page) => {
    // The winner as the results list ranks it (ties included).
    await openTab(page, 'Stemmen')
    const winner = (await page.locator('.results-list .ballot-text').first().textContent()) ?? ''
    await page.getByLabel('Aantal winnaars').fill('1')
    // Ticked by default only when the vote was on the shared values; here always chosen.
    await page.getByLabel('Ook in het manifest onder Gedeelde waarden').check()
    await page.getByRole('button', { name: 'Zet winnaars in Kernwaarden' }).click()
    await page.getByText(/nu in (het frame )?Kernwaarden\./).waitFor()
    await page.waitForFunction(
      (text) => window.__stip?.doc.getXmlFragment('manifesto').toString().includes(text),
      winner,
    )
    session.manifestoLines.push(winner)
  })
}

export function closeVote(session: SoakSession) {
  return session.facilitator.act(async (page) => {
    await openTab(page, 'Stemmen')
    await page.getByRole('button', { name: 'Sluit stemronde' }).click()
    await page.locator('.vote-phase[data-phase="closed"]').waitFor()
  })
}

/**
 * A silent round: the writers each put a note on an empty part of the board with the note
 * tool; nobody else sees it until the facilitator reveals all notes.
 */
export async function silentRound(session: SoakSession, writers: readonly Person[], round: number) {
  const facilitator = session.facilitator
  await facilitator.act(async (page) => {
    await openTab(page, 'Sessie')
    await page.getByRole('button', { name: 'Start stille ronde' }).click()
  })
  const texts = writers.map((writer) => `Stil ${writer.name} ${round}`)
  await Promise.all(
    writers.map((writer, index) =>
      writer.act(async (page) => {
        await page.locator('.session-banner', { hasText: 'Stille ronde' }).waitFor()
        const spot = { x: -2000 - round * 900, y: index * 260 }
        await page.evaluate((point) => {
          window.__stip?.editor.centerOnPoint(point, { animation: { duration: 0 } })
        }, spot)
        const text = texts[index] as string
        await addNoteViaUi(page, text, await screenPointOf(page, spot))
        expectNote(session, { text, author: writer.name })
        // What the writer typed is on their own screen (a lost keystroke is not the server's).
        await page.waitForFunction(
          (wanted) => {
            const editor = window.__stip?.editor
            return (editor?.getCurrentPageShapes() ?? []).some(
              (shape) =>
                shape.type === 'note' && editor?.getShapeUtil(shape).getText(shape) === wanted,
            )
          },
          text,
          { polling: 100 },
        )
        session.log(`    ${writer.name} wrote "${text}"`)
      }),
    ),
  )
  // Hidden means hidden: before the reveal no other writer has the text on screen.
  for (const [index, writer] of writers.entries()) {
    const other = writers[(index + 1) % writers.length] as Person
    if (other === writer) continue
    const shown = await other.act((page) => visibleNoteTexts(page))
    if (shown.includes(texts[index] as string)) {
      throw new Error(`${other.name} sees ${writer.name}'s silent note before the reveal`)
    }
  }
  await facilitator.act(async (page) => {
    await openTab(page, 'Sessie')
    // "Is iedereen klaar?": with no pause at all, the last word typed before the reveal is
    // lost (docs/soak.md, "Found"); SOAK_REVEAL_PAUSE_MS=0 shows it.
    await page.waitForTimeout(session.revealPauseMs)
    session.log('    the facilitator reveals the silent notes')
    await page.getByRole('button', { name: 'Onthul alle notities' }).click()
    await page.getByRole('button', { name: 'Start stille ronde' }).waitFor()
  })
  session.counters.silentRounds += 1
}

/** The facilitator starts a 5-minute timer, pauses and resumes it; everyone sees it. */
export async function timer(session: SoakSession) {
  await session.facilitator.act(async (page) => {
    await openTab(page, 'Sessie')
    await page.getByRole('button', { name: '5 min', exact: true }).click()
  })
  await Promise.all(
    session.people.map((person) =>
      person.act((page) => page.locator('.session-overlay [role="timer"]').waitFor()),
    ),
  )
  await session.facilitator.act(async (page) => {
    await openTab(page, 'Sessie')
    await page.getByRole('button', { name: 'Pauzeer' }).click()
    await page.locator('.session-overlay', { hasText: 'gepauzeerd' }).waitFor()
    await page.getByRole('button', { name: 'Hervat' }).click()
    await page.locator('.session-overlay [role="timer"][data-running="true"]').waitFor()
  })
  session.counters.timers += 1
}

/** A person adds a sentence to the manifesto's first paragraph by typing it. */
export function writeManifesto(session: SoakSession, person: Person, line: string) {
  return person.act(async (page) => {
    await openManifesto(page)
    await insertDefaultStructure(page)
    const paragraph = page.locator('.manifesto-prose[contenteditable="true"] > p').first()
    await paragraph.click()
    // After its last word, as a tap there would put it: End only reaches the end of the line
    // on screen, and a paragraph wraps on a phone.
    await paragraph.evaluate((element) => {
      const selection = window.getSelection()
      selection?.selectAllChildren(element)
      selection?.collapseToEnd()
    })
    await page.keyboard.type(` ${line}`)
    await page.waitForFunction(
      (text) => window.__stip?.doc.getXmlFragment('manifesto').toString().includes(text),
      line,
    )
    session.manifestoLines.push(line)
  })
}

/** The facilitator freezes the manifesto; every panel user sees it read-only. */
export async function freeze(session: SoakSession) {
  await session.facilitator.act(async (page) => {
    await openManifesto(page)
    await page.getByRole('button', { name: 'Tekst bevriezen voor ondertekening' }).click()
  })
  await Promise.all(
    panelPeople(session).map((person) =>
      person.act(async (page) => {
        await openManifesto(page)
        await page
          .getByText('De tekst is bevroren voor ondertekening; niemand kan hem nu wijzigen.')
          .waitFor()
        await page.locator('.manifesto-prose[contenteditable="false"]').waitFor()
      }),
    ),
  )
  session.counters.freezes += 1
}

export async function unfreeze(session: SoakSession) {
  await session.facilitator.act(async (page) => {
    await openManifesto(page)
    await page.getByRole('button', { name: 'Bevriezing opheffen' }).click()
  })
  await Promise.all(
    panelPeople(session).map((person) =>
      person.act(async (page) => {
        await openManifesto(page)
        await page.locator('.manifesto-prose[contenteditable="true"]').waitFor()
      }),
    ),
  )
}

/**
 * The facilitator saves a version, a note is written after it, and the version is restored:
 * that note must be gone from every screen, everything older must stay.
 */
export async function saveAndRestoreVersion(session: SoakSession, round: number) {
  const name = `Soak ronde ${round}`
  const doomedId = `shape:soak-doomed-${round}`
  await session.facilitator.act(async (page) => {
    await openTab(page, 'Versies')
    await page.getByLabel('Naam van de versie').fill(name)
    await page.getByRole('button', { name: 'Versie bewaren' }).click()
    const item = page.locator('.version-item', { hasText: name })
    await item.waitFor()
    await page.evaluate(
      ({ id, at }) => {
        window.__stip?.editor.createShape({ id: id as never, type: 'note', x: at, y: -800 })
      },
      { id: doomedId, at: round * 250 },
    )
    // Restoring before the server has the note would leave it out of what the restore undoes.
    await waitForStoredRecord(session, doomedId)
    await item.getByRole('button', { name: `Herstellen: ${name}` }).click()
    await item.getByRole('button', { name: 'Ja, herstellen' }).click()
    await page.getByText('Versie hersteld.').waitFor()
  })
  await Promise.all(
    session.people.map((person) =>
      person.act((page) =>
        page.waitForFunction((id) => !window.__stip?.editor.getShape(id as never), doomedId, {
          polling: 100,
        }),
      ),
    ),
  )
  session.counters.restores += 1
}

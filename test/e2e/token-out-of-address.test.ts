import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { waitForEditor, waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { openManifesto, tokenOf } from './helpers/manifesto-page'
import { joinChoosingOrganisation } from './helpers/start-form'
import { createBoardWithOrganisations } from './session/session-helpers'

/*
 * The share token leaves the address bar as soon as the client has read it (DESIGN.md), for
 * every kind of link: screenshots, projected screens, history and third-party scripts never see
 * it, and a reload of /b/<id> opens the board in the same role from storage.
 */

async function signingLinkFor(serverUrl: string, boardId: string, facilitatorLink: string) {
  const auth = { authorization: `Bearer ${tokenOf(facilitatorLink)}` }
  const info = (await (
    await fetch(`${serverUrl}/api/boards/${boardId}`, { headers: auth })
  ).json()) as {
    organisations: { id: string; name: string }[]
  }
  const ggd = info.organisations.find((o) => o.name === 'GGD')
  const response = await fetch(`${serverUrl}/api/boards/${boardId}/signing-links/${ggd?.id}`, {
    method: 'POST',
    headers: auth,
  })
  if (response.status !== 201) throw new Error(`no signing link: ${response.status}`)
  return ((await response.json()) as { link: string }).link
}

/** Every URL in this tab's session history, read through the DevTools protocol. */
async function historyUrls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  const { entries } = (await cdp.send('Page.getNavigationHistory')) as {
    entries: { url: string }[]
  }
  await cdp.detach()
  return entries.map((entry) => entry.url)
}

/** The token the page's websocket connection uses: the role the server gives it. */
const connectedToken = (page: Page) =>
  page.evaluate(() => String(window.__stip?.provider.params.token ?? ''))

type Kind = 'facilitator' | 'editor' | 'viewer' | 'signer'

/** What each role sees that the others do not. */
async function expectRole(page: Page, kind: Kind): Promise<void> {
  const share = await page.getByRole('button', { name: 'Delen', exact: true }).count()
  expect(share).toBe(kind === 'facilitator' ? 1 : 0)
  const readonly = await page.evaluate(() => window.__stip?.editor.getIsReadonly())
  expect(readonly).toBe(kind === 'viewer')
  if (kind === 'signer') {
    await openManifesto(page)
    await page.getByRole('form', { name: 'Ondertekenen namens GGD' }).waitFor()
  }
}

describe('the token leaves the address bar', () => {
  const session = useBrowserSession()
  const url = () => session.server.server.url

  it('for every kind of link: gone from location and history, and a reload keeps the role', async () => {
    const board = await createBoardWithOrganisations(url(), 'Adresbalk')
    const links: Record<Kind, string> = {
      ...board.links,
      signer: await signingLinkFor(url(), board.id, board.links.facilitator),
    }
    for (const kind of ['facilitator', 'editor', 'viewer', 'signer'] as const) {
      const context = await session.newContext()
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      const token = tokenOf(links[kind])
      await joinChoosingOrganisation(page, links[kind], {
        name: `Naam ${kind}`,
        organisation: 'GGD',
      })
      await waitForStatus(page, 'connected')
      if (kind === 'facilitator') await page.keyboard.press('Escape')

      const boardAddress = `${url()}/b/${board.id}`
      expect(await page.evaluate(() => location.href)).toBe(boardAddress)
      expect((await historyUrls(page)).filter((entry) => entry.includes(token))).toEqual([])
      expect(await connectedToken(page)).toBe(token)
      await expectRole(page, kind)

      await page.reload()
      await waitForEditor(page)
      await waitForStatus(page, 'connected')
      expect(page.url()).toBe(boardAddress)
      expect(await connectedToken(page)).toBe(token)
      await expectRole(page, kind)
      expect(errors).toEqual([])
      await context.close()
    }
  })

  it('lets the link opened last win: a facilitator who opens an editor link is an editor there', async () => {
    const board = await createBoardWithOrganisations(url(), 'Laatste link')
    const page = await (await session.newContext()).newPage()
    await joinChoosingOrganisation(page, board.links.facilitator, {
      name: 'Fatma',
      organisation: 'Gemeente',
    })
    await expectRole(page, 'facilitator')
    await page.goto(board.links.editor)
    await waitForEditor(page)
    expect(page.url()).toBe(`${url()}/b/${board.id}`)
    expect(await connectedToken(page)).toBe(tokenOf(board.links.editor))
    await expectRole(page, 'editor')
    await page.goto(board.links.facilitator)
    await waitForEditor(page)
    expect(await connectedToken(page)).toBe(tokenOf(board.links.facilitator))
    await expectRole(page, 'facilitator')
  })
})

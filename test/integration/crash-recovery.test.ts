import { CloseCode } from '@stip/protocol'
import { describe, expect, it } from 'vitest'
import { createBoard } from './helpers/boards'
import { type ChildServer, spawnChildServer } from './helpers/child-server'
import { useCleanup } from './helpers/cleanup'
import { connectClient, readBoard, waitForEqual } from './helpers/clients'
import { tempDataDir } from './helpers/test-server'
import { sleep, waitFor } from './helpers/wait-for'

/**
 * The documented loss window after kill -9 is GROUP_COMMIT_MS (10 ms by default): an update
 * reaches SQLite at most that long after the server received it. The test cannot see when the
 * server received an edit, only when the client sent it, so it allows a margin on top: local
 * TCP delivery, the 10 ms timer firing late on a loaded 2-core CI machine (other test files
 * run in parallel), the commit itself and the time between taking the kill timestamp and the
 * signal landing. 250 ms is 25x the window; an edit sent earlier than that and missing after
 * the restart is a real durability bug, not jitter.
 */
const DURABILITY_MARGIN_MS = 250
const EDIT_EVERY_MS = 5

describe('server process crashes and shutdowns', () => {
  const cleanup = useCleanup()

  it('keeps every edit sent well before a kill -9 and restores the rest from the client that held them', async () => {
    const dataDir = await tempDataDir(cleanup)
    const first = await spawnChildServer(cleanup, dataDir)
    // The board and its tokens live in the data dir, so they hold for the restarted process too.
    const { id, tokens } = await createBoard(first.url)
    const token = tokens.editor
    const editor = await connectClient(cleanup, first.wsBase, id, { maxBackoffTime: 200, token })

    // Continuous edits; `sentAt` records when y-websocket handed each one to an open socket.
    const sentAt = new Map<number, number>()
    let next = 0
    const typing = setInterval(() => {
      const i = next++
      const online = editor.provider.wsconnected
      editor.map.set(`edit-${i}`, i)
      if (online) sentAt.set(i, performance.now())
    }, EDIT_EVERY_MS)
    cleanup.add(() => clearInterval(typing))

    await sleep(1200)
    const killedAt = performance.now()
    const exit = await first.kill('SIGKILL')
    expect(exit.signal).toBe('SIGKILL')
    await sleep(300) // the editor keeps typing while the server is down

    // A new process on another port, so the old client cannot reconnect before the fresh read.
    let second: ChildServer
    do second = await spawnChildServer(cleanup, dataDir)
    while (second.port === first.port)

    const recovered = await readBoard(cleanup, second.wsBase, id, token)
    const mustSurvive = [...sentAt]
      .filter(([, at]) => at < killedAt - DURABILITY_MARGIN_MS)
      .map(([i]) => i)
    expect(mustSurvive.length).toBeGreaterThan(50)
    const lost = mustSurvive.filter((i) => recovered[`edit-${i}`] !== i)
    expect(lost).toEqual([])
    // Edits typed while the server was down cannot be on it yet: the read really came from disk.
    expect(recovered[`edit-${next - 1}`]).toBeUndefined()

    clearInterval(typing)
    const total = next
    editor.provider.serverUrl = second.wsBase // y-websocket reconnects on its own, now to the new process
    const observer = await connectClient(cleanup, second.wsBase, id, { token })
    await waitForEqual(editor, observer, undefined, 10_000)
    expect(Object.keys(observer.map.toJSON())).toHaveLength(total)
    for (let i = 0; i < total; i++) expect(observer.map.get(`edit-${i}`)).toBe(i)
  })

  it('S7: flushes everything on SIGTERM and closes its clients with 1001', async () => {
    const dataDir = await tempDataDir(cleanup)
    // The widest allowed group-commit window, so the last edits are still queued when the signal lands.
    const first = await spawnChildServer(cleanup, dataDir, { GROUP_COMMIT_MS: '50' })
    const { id, tokens } = await createBoard(first.url)
    const token = tokens.editor
    const editor = await connectClient(cleanup, first.wsBase, id, { token })
    const observer = await connectClient(cleanup, first.wsBase, id, { token })
    const last = 299
    const observedAll = new Promise<void>((resolve) =>
      observer.map.observe(() => {
        if (observer.map.get(`edit-${last}`) === last) resolve()
      }),
    )
    for (let i = 0; i <= last; i++) {
      editor.map.set(`edit-${i}`, i)
      if (i % 30 === 0) await sleep(5)
    }
    // The observer has everything, so the server applied it; SIGTERM follows at once, inside the
    // window (a SIGKILL at this point loses the last batch -- checked while writing this test).
    await observedAll
    const exit = await first.kill('SIGTERM')
    expect(exit.code).toBe(0)

    await waitFor(() => editor.closeCodes.length > 0 && observer.closeCodes.length > 0, {
      what: 'both clients to see the close',
    })
    expect(editor.closeCodes[0]).toBe(CloseCode.goingAway)
    expect(observer.closeCodes[0]).toBe(CloseCode.goingAway)
    const typed = editor.map.toJSON()
    editor.destroy()
    observer.destroy()

    const second = await spawnChildServer(cleanup, dataDir)
    const restored = await readBoard(cleanup, second.wsBase, id, token)
    expect(Object.keys(restored)).toHaveLength(300)
    expect(restored).toEqual(typed)
  })
})

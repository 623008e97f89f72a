import { type CommentThread, getComments, writeCommentThread } from '@stip/board/doc-model'
import { createKeyValueContainer } from '@stip/board/record-container'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { COMMENT_LIMITS } from '../comments/comment-bodies'
import { appUnderTest } from './app-under-test'

type Answer = { thread: CommentThread; error: string; code?: string }

const NOTE = {
  id: 'shape:buurthuis',
  typeName: 'shape',
  type: 'note',
  parentId: 'page:page',
  index: 'a1',
  x: 0,
  y: 0,
  rotation: 0,
  isLocked: false,
  opacity: 1,
  meta: {},
  props: {
    richText: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Buurthuis open' }] }],
    },
  },
}

// Route tests for comments (server/src/comments/SPEC.md) through app.request(): the limits
// that would take thousands of requests over a socket.
describe('comments API', () => {
  let routes: Awaited<ReturnType<typeof appUnderTest>>
  let board: Awaited<ReturnType<typeof routes.createBoard>>

  const post = async (token: string, json: unknown) => {
    const response = await routes.request(`/api/boards/${board.id}/comments`, {
      method: 'POST',
      token,
      json,
    })
    return { status: response.status, body: (await response.json()) as Answer }
  }
  const threadCount = async () => {
    const doc = await routes.registry.readDocument(board.id)
    const size = getComments(doc).size
    doc.destroy()
    return size
  }

  beforeEach(async () => {
    routes = await appUnderTest()
    board = await routes.createBoard({ title: 'Samen naar 2040', organisations: [{ name: 'GGD' }] })
    await routes.registry.changeDocument(board.id, (doc) =>
      createKeyValueContainer(doc).set(NOTE.id, NOTE),
    )
  })
  afterEach(async () => {
    await routes.close()
  })

  it('C8: a board holds at most 2000 threads; the next one is refused and nothing is stored', async () => {
    const comment = {
      target: { kind: 'note', shapeId: NOTE.id },
      text: 'Ook op zondag?',
      name: 'Aïsha',
    }
    const first = await post(board.facilitator, comment)
    expect(first.status).toBe(201)
    const template = first.body.thread
    await routes.registry.changeDocument(board.id, (doc) => {
      for (let n = 1; n < COMMENT_LIMITS.threadsPerBoard; n++)
        writeCommentThread(doc, { ...template, id: `t${n}`, createdAt: template.createdAt + n })
    })
    expect(await threadCount()).toBe(COMMENT_LIMITS.threadsPerBoard)
    const refused = await post(board.editor, { ...comment, organisation: 'GGD' })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ code: 'comment-threads-full' })
    expect(await threadCount()).toBe(COMMENT_LIMITS.threadsPerBoard)
    // Replies to the threads there are still go in.
    const reply = await routes.request(`/api/boards/${board.id}/comments/t7/messages`, {
      method: 'POST',
      token: board.editor,
      json: { text: 'Ja', name: 'Bram', organisation: 'GGD' },
    })
    expect(reply.status).toBe(200)
  })

  it('C8: a board holds at most 1,000,000 characters of comment text; past it nothing is stored', async () => {
    const comment = { target: { kind: 'note', shapeId: NOTE.id }, text: 'Eerste', name: 'Aïsha' }
    const first = await post(board.facilitator, comment)
    expect(first.status).toBe(201)
    const template = first.body.thread
    const long = 'x'.repeat(COMMENT_LIMITS.text)
    // 499 threads of one 2,000-character message, plus the first: 998,006 characters.
    await routes.registry.changeDocument(board.id, (doc) => {
      for (let n = 1; n < 500; n++) {
        const message = { ...template.messages[0]!, id: `m${n}`, text: long }
        writeCommentThread(doc, { ...template, id: `t${n}`, messages: [message] })
      }
    })
    const fits = await post(board.editor, {
      ...comment,
      text: 'y'.repeat(1994),
      organisation: 'GGD',
    })
    expect(fits.status).toBe(201)
    const refused = await post(board.editor, { ...comment, text: 'z', organisation: 'GGD' })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ code: 'comment-text-full' })
    const reply = await routes.request(`/api/boards/${board.id}/comments/t7/messages`, {
      method: 'POST',
      token: board.editor,
      json: { text: 'Ja', name: 'Bram', organisation: 'GGD' },
    })
    expect(reply.status).toBe(409)
    expect(await threadCount()).toBe(501)
  })

  it('C2: on a board without organisations the editor speaks for what they chose on joining', async () => {
    const open = await routes.createBoard({ title: 'Open bord' })
    await routes.registry.changeDocument(open.id, (doc) =>
      createKeyValueContainer(doc).set(NOTE.id, NOTE),
    )
    const response = await routes.request(`/api/boards/${open.id}/comments`, {
      method: 'POST',
      token: open.editor,
      headers: { 'stip-participant-organisation': encodeURIComponent('Buurtteam Zuid') },
      json: { target: { kind: 'note', shapeId: NOTE.id }, text: 'Mooi', name: 'Sanne' },
    })
    expect(response.status).toBe(201)
    const { thread } = (await response.json()) as Answer
    expect(thread.messages[0]!.author).toEqual({ name: 'Sanne', organisation: 'Buurtteam Zuid' })
  })
})

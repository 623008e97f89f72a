import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { NewCommentTarget } from './comments-api'

/** A new thread's target with what the form shows of it (the note's text, the werkvorm's name). */
export interface NewThreadTarget {
  target: NewCommentTarget
  quote: string
}

/** What the comment views show: the overview, one thread, the threads of one shape, or a new one. */
export type CommentView =
  | { kind: 'overview' }
  | { kind: 'thread'; threadId: string }
  /** The threads on one note or werkvorm (its badge counted more than one). */
  | { kind: 'shape'; shapeId: string; about: NewThreadTarget }
  | { kind: 'new'; about: NewThreadTarget }

/**
 * Which comment view is open and the unsent drafts, per board. It outlives the panels: the
 * Opmerkingen tab unmounts when another tab is chosen, and a draft must survive that (and a
 * failed send) until it is sent or cancelled.
 */
export interface CommentViewStore {
  get(): CommentView
  set(view: CommentView): void
  subscribe(listener: () => void): () => void
  draft(key: string): string
  setDraft(key: string, text: string): void
}

function createCommentViewStore(): CommentViewStore {
  let view: CommentView = { kind: 'overview' }
  const listeners = new Set<() => void>()
  const drafts = new Map<string, string>()
  return {
    get: () => view,
    set(next) {
      view = next
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    draft: (key) => drafts.get(key) ?? '',
    setDraft(key, text) {
      if (text === '') drafts.delete(key)
      else drafts.set(key, text)
    },
  }
}

// One store per board doc (a WeakMap, gone with the doc), so two boards never share a view.
const stores = new WeakMap<Y.Doc, CommentViewStore>()

export function commentViewStore(doc: Y.Doc): CommentViewStore {
  let store = stores.get(doc)
  if (!store) {
    store = createCommentViewStore()
    stores.set(doc, store)
  }
  return store
}

/** The open comment view of this board, re-rendering when it changes. */
export function useCommentView(doc: Y.Doc): [CommentView, CommentViewStore] {
  const store = commentViewStore(doc)
  const view = useSyncExternalStore(store.subscribe, store.get)
  return [view, store]
}

/** The key a draft is kept under: the thread it answers, or the target of a new thread. */
export function draftKey(view: { threadId: string } | { about: NewThreadTarget }): string {
  if ('threadId' in view) return `reply:${view.threadId}`
  const target = view.about.target
  if (target.kind === 'note') return `new:note:${target.shapeId}`
  if (target.kind === 'werkvorm') return `new:werkvorm:${target.frameId}`
  const { path, from, to } = target.passage
  return `new:manifesto:${path.join('.')}:${from}:${to}`
}

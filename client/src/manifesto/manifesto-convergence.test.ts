// @vitest-environment happy-dom
import { getManifesto } from '@stip/board/doc-model'
import { writeDefaultManifesto } from '@stip/manifesto'
import { restoreManifesto } from '@stip/manifesto/restore'
import { Editor } from '@tiptap/core'
import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createGatedMirror, type GatedMirror } from '../sync/gated-mirror'
import { manifestoExtensions } from './manifesto-extensions'

/*
 * Several people edit the manifesto through the real editor (TipTap, y-prosemirror, the gated
 * mirror) while their messages are delayed, they go offline, reload from a possibly stale
 * offline copy, and the text is frozen, unfrozen and restored from a version. Some type into a
 * paragraph of their own, above another, as Enter and typing would. A sentence somebody typed
 * may only disappear through a restore that goes back to before it, or with a paragraph such
 * a restore removed. Client ids come from the seed, so a failing seed plays the same again.
 */

const FROM_SERVER = Symbol('from server')

interface Sentence {
  text: string
  by: string
  /** The Yjs item of the paragraph it was typed into (see blockOf). */
  block: string | null
}

/** A top-level block's Yjs item id, the same in every copy of the doc and in its versions. */
function blockIdentity(type: { _item: Y.Item | null }): string | null {
  const id = type._item?.id
  return id ? `${id.client}:${id.clock}` : null
}

function blockOf(doc: Y.Doc, text: string): string | null {
  const block = getManifesto(doc)
    .toArray()
    .find((type) => type.toString().includes(text))
  return block ? blockIdentity(block) : null
}

class Network {
  readonly server = new Y.Doc()
  readonly clients: Person[] = []
  frozen = false
  readonly log: string[] = []
  /** Sentences the server's text must keep, unless a restore takes them away. */
  losses: string[] = []
  /** Client ids from the seed too, so a failing seed plays out the same way again. */
  private readonly ids: prng.PRNG

  constructor(seed: number) {
    this.ids = prng.create(seed * 7919)
    // The server writes too (the default text, restores): its id decides ties like anyone's.
    this.server.clientID = this.nextClientId()
    writeDefaultManifesto(getManifesto(this.server), 'nl')
    this.server.on('update', (update: Uint8Array, origin: unknown) => {
      for (const person of this.clients) {
        if (person.online && origin !== person) person.inbox.push(update)
      }
    })
  }

  nextClientId(): number {
    return prng.uint32(this.ids, 1, 2 ** 31)
  }

  /** Applies one update from a person to the server and checks no sentence vanished. */
  receive(from: Person, update: Uint8Array, sentences: readonly Sentence[]) {
    const before = serverSentences(this.server, sentences)
    Y.applyUpdate(this.server, update, from)
    const after = serverSentences(this.server, sentences)
    for (const sentence of before) {
      if (!after.has(sentence)) {
        this.losses.push(`${sentence} removed by an update from ${from.name}`)
        this.log.push(`LOSS: ${sentence} removed by ${from.name}`)
      }
    }
  }
}

function serverSentences(doc: Y.Doc, sentences: readonly Sentence[]): Set<string> {
  const text = plainText(getManifesto(doc))
  return new Set(sentences.map((s) => s.text).filter((s) => holds(text, s, sentences)))
}

function plainText(fragment: Y.XmlFragment): string {
  return fragment.toString().replace(/<[^>]*>/g, '')
}

/**
 * Whether `text` still holds every character of `sentence`. Someone typing at the same spot
 * (offline, say) may land inside it: "«1 Anna»" with "«2 Wim»" typed into it is still whole.
 */
function holds(text: string, sentence: string, sentences: readonly Sentence[]): boolean {
  let rest = text
  for (let pass = 0; pass < 4 && !rest.includes(sentence); pass++) {
    for (const other of sentences)
      if (other.text !== sentence) rest = rest.replaceAll(other.text, '')
  }
  return rest.includes(sentence)
}

class Person {
  doc = new Y.Doc()
  awareness: Awareness
  mirror: GatedMirror
  editor: Editor
  inbox: Uint8Array[] = []
  outbox: Uint8Array[] = []
  online = true
  /** What the offline copy (IndexedDB) holds: written a little after each change. */
  persisted: Uint8Array = new Uint8Array()
  constructor(
    readonly name: string,
    readonly net: Network,
    offlineCopy: Uint8Array | null,
  ) {
    this.doc.clientID = net.nextClientId()
    this.awareness = new Awareness(this.doc)
    if (offlineCopy) Y.applyUpdate(this.doc, offlineCopy, FROM_SERVER)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_SERVER) this.outbox.push(update)
    })
    this.awareness.setLocalStateField('user', { name, organisation: 'Org', color: '#123456' })
    this.mirror = createGatedMirror(this.doc)
    this.mirror.doc.clientID = net.nextClientId()
    this.editor = this.bindEditor()
    this.setEditable(!net.frozen)
    this.connect()
  }

  private bindEditor(): Editor {
    const element = document.createElement('div')
    document.body.append(element)
    return new Editor({
      element,
      extensions: manifestoExtensions({
        fragment: getManifesto(this.mirror.doc),
        awareness: this.awareness,
        user: { name: this.name, organisation: 'Org', color: '#123456' },
      }),
      editable: false,
    })
  }

  setEditable(editable: boolean) {
    this.mirror.setWritable(editable)
    this.editor.setEditable(editable)
  }

  /** The sync handshake: each side sends what the other lacks. */
  connect() {
    this.online = true
    const server = this.net.server
    this.inbox.push(Y.encodeStateAsUpdate(server, Y.encodeStateVector(this.doc)))
    this.outbox.push(Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(server)))
  }

  disconnect() {
    this.online = false
    this.inbox = []
    this.outbox = []
  }

  deliverIn(count: number) {
    for (const update of this.inbox.splice(0, count)) {
      Y.applyUpdate(this.doc, update, FROM_SERVER)
    }
  }

  deliverOut(count: number, sentences: readonly Sentence[]) {
    if (!this.online) return
    for (const update of this.outbox.splice(0, count)) this.net.receive(this, update, sentences)
  }

  persist() {
    this.persisted = Y.encodeStateAsUpdate(this.doc)
  }

  destroy() {
    const element = this.editor.options.element
    this.editor.destroy()
    // Off the page too: hundreds of sessions (MANIFESTO_SEEDS) otherwise fill the heap.
    if (element instanceof HTMLElement) element.remove()
    this.mirror.dispose()
    this.awareness.destroy()
    this.doc.destroy()
  }

  pmText(): string {
    return this.editor.state.doc.textContent
  }

  yText(): string {
    return plainText(getManifesto(this.doc))
  }
}

/** Presence travels at once between everyone online, as carets do. */
function shareAwareness(net: Network) {
  for (const from of net.clients) {
    if (!from.online) continue
    const update = encodeAwarenessUpdate(from.awareness, [from.awareness.clientID])
    for (const to of net.clients) {
      if (to !== from && to.online) applyAwarenessUpdate(to.awareness, update, 'remote')
    }
  }
}

/**
 * What restoreSnapshot (server/src/versions) does to the manifesto, on the server's doc.
 * Returns the paragraphs it removed because the version lacks them, or null when the text
 * already read as the version.
 */
function restoreVersion(server: Y.Doc, snapshot: Uint8Array): string[] | null {
  const past = new Y.Doc()
  Y.applyUpdate(past, snapshot)
  const live = getManifesto(server)
  if (live.toString() === getManifesto(past).toString()) return null
  const blocksBefore = live.toArray().map(blockIdentity)
  server.transact(() => restoreManifesto(live, getManifesto(past)))
  const kept = new Set([...live.toArray(), ...getManifesto(past).toArray()].map(blockIdentity))
  past.destroy()
  return blocksBefore.filter((block): block is string => block !== null && !kept.has(block))
}

function playSession(seed: number, steps: number) {
  const random = prng.create(seed)
  const net = new Network(seed)
  const names = ['Anna', 'Bram', 'Wim']
  for (const name of names) net.clients.push(new Person(name, net, null))
  const sentences: Sentence[] = []
  let snapshot: Uint8Array | null = null
  let counter = 0
  /**
   * Paragraphs restores removed because their version lacks them. Text typed offline into one
   * (before or after the restore, the typist had not seen it) is dropped by Yjs on arrival, as
   * the restore asks; it is the one way a sentence may go missing besides the restore itself.
   */
  const removedByRestores = new Set<string>()

  const drain = () => {
    for (let i = 0; i < 20; i++) {
      for (const person of net.clients) {
        person.deliverOut(1000, sentences)
        person.deliverIn(1000)
      }
      shareAwareness(net)
    }
  }

  for (let step = 0; step < steps; step++) {
    const person = prng.oneOf(random, net.clients)
    const roll = prng.int32(random, 0, 99)
    if (roll < 30) {
      if (net.frozen) continue
      const text = `«${++counter} ${person.name}»`
      const paragraphs: Array<{ start: number; end: number }> = []
      person.editor.state.doc.forEach((node, offset) => {
        if (node.type.name === 'paragraph') {
          paragraphs.push({ start: offset, end: offset + node.nodeSize - 1 })
        }
      })
      const target = prng.bool(random) ? paragraphs[0] : prng.oneOf(random, paragraphs)
      if (target === undefined) continue
      if (prng.int32(random, 0, 3) === 0) {
        // A paragraph of its own above this one, as Enter at its start and typing would make.
        const paragraph = { type: 'paragraph', content: [{ type: 'text', text }] }
        person.editor.chain().insertContentAt(target.start, paragraph).run()
      } else {
        person.editor.chain().setTextSelection(target.end).insertContent(text).run()
      }
      sentences.push({ text, by: person.name, block: blockOf(person.doc, text) })
      net.log.push(`${step}: ${person.name} types ${text}`)
    } else if (roll < 55) {
      person.deliverOut(prng.int32(random, 1, 3), sentences)
    } else if (roll < 75) {
      person.deliverIn(prng.int32(random, 1, 3))
      shareAwareness(net)
    } else if (roll < 80) {
      person.persist()
    } else if (roll < 84) {
      if (person.online) person.disconnect()
      else person.connect()
      net.log.push(`${step}: ${person.name} ${person.online ? 'back online' : 'offline'}`)
    } else if (roll < 90) {
      // A reload: the page starts again from its offline copy, whatever was not yet sent or
      // stored is gone from this browser (the server may have it).
      const index = net.clients.indexOf(person)
      person.persist()
      person.destroy()
      net.clients[index] = new Person(person.name, net, person.persisted)
      net.log.push(`${step}: ${person.name} reloads`)
    } else if (roll < 94) {
      drain()
      net.frozen = !net.frozen
      for (const each of net.clients) each.setEditable(!net.frozen)
      drain()
      net.log.push(`${step}: ${net.frozen ? 'frozen' : 'unfrozen'}`)
    } else if (roll < 97) {
      drain()
      snapshot = Y.encodeStateAsUpdate(net.server)
      net.log.push(`${step}: version saved`)
    } else if (snapshot) {
      drain()
      const before = serverSentences(net.server, sentences)
      const removed = restoreVersion(net.server, snapshot)
      if (removed) {
        for (const block of removed) removedByRestores.add(block)
        const after = serverSentences(net.server, sentences)
        // What the restore took away was typed after the version; nobody may miss it later.
        const gone = new Set([...before].filter((s) => !after.has(s)))
        for (let i = sentences.length - 1; i >= 0; i--) {
          if (gone.has(sentences[i]!.text)) sentences.splice(i, 1)
        }
        net.log.push(`${step}: restored (${gone.size} sentences back out)`)
      }
      drain()
    }
  }
  for (const person of net.clients) if (!person.online) person.connect()
  drain()
  const serverXml = getManifesto(net.server).toString()
  const result = {
    losses: net.losses,
    missing: sentences
      .filter((s) => !(s.block && removedByRestores.has(s.block)))
      .filter((s) => !holds(plainText(getManifesto(net.server)), s.text, sentences))
      .map((s) => s.text),
    diverged: net.clients
      .filter((p) => getManifesto(p.doc).toString() !== serverXml)
      .map((p) => p.name),
    staleEditors: net.clients.filter((p) => p.pmText() !== p.yText()).map((p) => p.name),
    log: net.log,
  }
  for (const person of net.clients) person.destroy()
  return result
}

describe('the manifesto in a messy session', () => {
  // 20 sessions of 400 steps take about 20 s; MANIFESTO_SEEDS=200 (or 201-400: a worker holds
  // about 250 sessions) explores further. Of sessions 1-200, the positional restore of before
  // 2026-12-05 lost sentences in 71 and a content-aligned one in 57; 1-20 hold 8 and 5 of them.
  const [first, last] = (process.env.MANIFESTO_SEEDS ?? '').split('-').map(Number)
  const seeds = !first ? range(1, 20) : last ? range(first, last) : range(1, first)

  it('keeps every typed sentence through delays, offline, reloads, freezes and restores', () => {
    const failures: string[] = []
    for (const seed of seeds) {
      const result = playSession(seed, 400)
      const broken =
        result.losses.length +
        result.missing.length +
        result.diverged.length +
        result.staleEditors.length
      if (broken > 0) {
        failures.push(`seed ${seed}: ${JSON.stringify({ ...result, log: result.log.slice(-20) })}`)
      }
    }
    expect(failures).toEqual([])
  }, 300_000)
})

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

/**
 * CPU of the server's receive path for one update (decode, role check, apply), measured in
 * process with process.cpuUsage() so a busy shared machine disturbs it less than wall time:
 * decoding twice (Y.decodeUpdate for the guard, then Y.applyUpdate) against decoding once
 * (server/src/sync/incoming-update.ts). Interleaved repetitions, medians.
 *
 *   node_modules/.bin/tsx test/bench/receive-path.ts [--reps 7]
 */
import { parseArgs } from 'node:util'
import { createKeyValueContainer } from '@stip/board/record-container'
import * as Y from 'yjs'
import { UpdateAuthorizer } from '../../server/src/auth/authorize-update'
import { decodeIncomingUpdate } from '../../server/src/sync/incoming-update'

type Workload = { name: string; updates: Uint8Array[] }

/** What the load scenarios send: 20 clients each re-setting its own ~300-byte map entry. */
function editsWorkload(): Workload {
  const clients = Array.from({ length: 20 }, () => new Y.Doc())
  const updates: Uint8Array[] = []
  for (const client of clients) client.on('update', (update: Uint8Array) => updates.push(update))
  for (let round = 0; round < 150; round++) {
    for (const [i, client] of clients.entries()) {
      const record = { id: `edit:${i}`, x: round, y: i, n: round, pad: 'x'.repeat(250) }
      client.getMap('edits').set(`client-${i}`, record)
    }
  }
  return { name: 'edits map (bench load)', updates }
}

/** What a tldraw client sends while dragging: its shape's record written to the records log. */
function recordsWorkload(): Workload {
  const clients = Array.from({ length: 20 }, () => new Y.Doc())
  const updates: Uint8Array[] = []
  for (const client of clients) client.on('update', (update: Uint8Array) => updates.push(update))
  for (let round = 0; round < 150; round++) {
    for (const [i, client] of clients.entries()) {
      createKeyValueContainer(client).set(`shape:${i}`, {
        id: `shape:${i}`,
        typeName: 'shape',
        type: 'note',
        x: round * 3,
        y: i * 40,
        props: { text: 'een notitie'.repeat(8), color: 'yellow', size: 'm' },
      })
    }
  }
  return { name: 'tldraw records log (drag)', updates }
}

function measure(updates: Uint8Array[], once: boolean): number {
  const doc = new Y.Doc()
  const authorizer = new UpdateAuthorizer(doc)
  const started = process.cpuUsage()
  for (const update of updates) {
    if (once) {
      const incoming = decodeIncomingUpdate(update)
      if (authorizer.refusal('editor', incoming.decoded)) throw new Error('refused')
      incoming.applyTo(doc, 'session')
    } else {
      if (authorizer.refusal('editor', Y.decodeUpdate(update))) throw new Error('refused')
      Y.applyUpdate(doc, update, 'session')
    }
  }
  const used = process.cpuUsage(started)
  authorizer.stop()
  return (used.user + used.system) / updates.length
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!

const { values } = parseArgs({ options: { reps: { type: 'string', default: '7' } } })
const reps = Number(values.reps)
for (const workload of [editsWorkload(), recordsWorkload()]) {
  const twice: number[] = []
  const once: number[] = []
  measure(workload.updates, false)
  measure(workload.updates, true)
  for (let rep = 0; rep < reps; rep++) {
    twice.push(measure(workload.updates, false))
    once.push(measure(workload.updates, true))
  }
  const [a, b] = [median(twice), median(once)]
  process.stdout.write(
    `${workload.name}: ${workload.updates.length} updates; CPU µs per update, median of ${reps}: ` +
      `decoded twice ${a.toFixed(1)}, once ${b.toFixed(1)} (${((b / a - 1) * 100).toFixed(0)} %)\n`,
  )
}

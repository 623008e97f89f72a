import type { Awareness } from 'y-protocols/awareness'

/**
 * The awareness as the caret plugin should read it: everyone but this browser. The plugin
 * skips its own caret by comparing with the clientID of the doc it is bound to, and the
 * manifesto editor binds to a mirror with its own clientID (use-manifesto-doc.ts); without
 * this it would draw our own caret as someone else's, right where we type.
 * Everything else (listeners, our own state) is the real awareness's, through the prototype.
 */
export function othersOnlyAwareness(awareness: Awareness): Awareness {
  const view = Object.create(awareness) as Awareness
  view.getStates = () => {
    const states = new Map(awareness.getStates())
    states.delete(awareness.clientID)
    return states
  }
  return view
}

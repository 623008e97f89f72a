// The board document's model: the top-level types (../doc-layout.ts), the keys and value
// shapes inside them, and the parse and write helpers client and server both use.
export * from '../doc-layout'
export * from '../vote-results'
export * from './amendments'
export * from './comments'
export * from './commitments'
export * from './facilitator-state'
export * from './note-meta'
export * from './note-reactions'
export * from './sessions'

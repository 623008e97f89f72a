// The one place the client takes the tldraw<->Yjs binding and presence from.
export { bindPresence, bindStoreToDoc } from './interim-board-binding'

import type { BoardConnection, ClientProtocol, ConnectOptions } from './board-connection'
import { connectTldraw } from './tldraw-connection'
import { connectYjs } from './yjs-connection'

/** Connects one participant with the client its server speaks. */
export function connectBoard(protocol: ClientProtocol, options: ConnectOptions): BoardConnection {
  return protocol === 'tldraw' ? connectTldraw(options) : connectYjs(protocol, options)
}

/**
 * The transaction origin of changes the server makes itself (a signature, a restored
 * version). Unlike BACKPLANE_ORIGIN they are stored and published; unlike a session's
 * updates they pass no role check, so only server code can write what no client may
 * (the signatures).
 */
export const SERVER_ORIGIN = Symbol('server')

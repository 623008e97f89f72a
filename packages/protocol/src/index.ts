/**
 * Stip's wire contract, shared by server, client and tests.
 *
 * The websocket speaks the standard y-websocket protocol: every frame is a
 * varint message type followed by its payload (y-protocols sync or awareness).
 * Stip adds nothing to the frames; it only fixes the limits and close codes below.
 */

/**
 * The version of what Stip's client and server expect of each other beyond y-websocket: the
 * board document's layout and the endpoints the client calls. The client sends it as `?v=` on
 * the websocket and compares it with `/api/config`; a mismatch closes with 4426 and the page
 * asks to be reloaded. Plain y-websocket clients send none and are judged by their token only.
 *
 * 2: votes and silent-round notes are kept by the server until revealed.
 */
export const PROTOCOL_VERSION = 2

/** y-websocket message types (first varint of every frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

/** Close codes Stip uses; 1xxx are RFC 6455, 4xxx are Stip's own (HTTP-like). */
export const CloseCode = {
  /** Server shutting down or room unloading; clients reconnect. */
  goingAway: 1001,
  /** A frame that is not a valid y-websocket message or Yjs update. */
  invalidData: 1007,
  /** Generic policy violation (e.g. message rate exceeded). */
  policyViolation: 1008,
  /** A frame larger than the configured limit. */
  messageTooBig: 1009,
  /** The server failed internally while handling this connection. */
  internalError: 1011,
  /** Missing or wrong token. */
  unauthorized: 4401,
  /** The role does not allow what the client tried (e.g. a viewer writing). */
  forbidden: 4403,
  /** The client did not read fast enough; its send buffer passed the limit. */
  slowConsumer: 4408,
  /** Too many connections on this board, too many failed tokens, or too many messages. */
  tooMany: 4429,
  /** The board passed its size limit; it can be read but takes no more updates. */
  boardTooLarge: 4413,
  /** The page runs an older (or newer) Stip than the server: reload it. */
  versionMismatch: 4426,
} as const

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode]

export const Limits = {
  /** Default largest accepted websocket frame (MAX_FRAME_BYTES). */
  maxFrameBytes: 2 * 1024 * 1024,
  /** Largest awareness state one client may publish, as JSON bytes. */
  maxAwarenessStateBytes: 16 * 1024,
} as const

/** Path prefix of the sync websocket: `ws(s)://host/ws/:boardId`. */
export const WS_PATH = '/ws'

/** Board ids are URL-safe and short; anything else is refused before a room exists. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** Roles a share link grants; the server enforces them. */
export const ROLES = ['facilitator', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** The werkvormen (templates) a board can start from; an unknown id is refused with 400. */
export const TEMPLATE_IDS = [
  'gedeelde-waarden',
  'ambities-2040',
  'hebben-zaaien',
  'rondetafel',
  'vijf-knoppen',
  'rode-draden',
  'dit-ga-ik-doen',
] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

/** Share links carry the token in the URL fragment, never in the path or query. */
export const TOKEN_FRAGMENT_KEY = 'token'

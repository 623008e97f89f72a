import type { Role, TemplateId } from '@stip/protocol'
import type { AuditAndRetention } from './audit-records'

export type { AuditAct, AuditEntry, AuditRole, BoardSummary } from './audit-records'

/**
 * The persistence contract for board documents. A board is stored as an optional snapshot
 * (a Yjs update holding the whole document up to `throughSeq`) plus a log of the Yjs
 * updates appended after it. Loading applies the snapshot and then the log; because Yjs
 * updates are idempotent and commutative, a snapshot that already contains some logged
 * updates is harmless.
 *
 * Every store (SQLite, Postgres) passes the same contract suite: board-store.contract.ts.
 */
export interface StoredBoard {
  snapshot: Uint8Array | null
  /**
   * Every logged update not yet folded into the snapshot, in append order. Compaction deletes
   * exactly the rows it folded in, so whatever remains must be applied, whatever its seq.
   */
  updates: Uint8Array[]
  /** Sequence number of the last update loaded (0 when the board has none). */
  lastSeq: number
}

export interface Organisation {
  id: string
  name: string
  color: string
}

/** What a board is, apart from its document. */
export interface BoardRecord {
  id: string
  title: string
  template: TemplateId | null
  organisations: Organisation[]
  createdAt: number
}

/** A share token, stored only as its SHA-256 hash. */
export interface TokenRecord {
  role: Role
  hash: string
}

export interface AssetRecord {
  id: string
  boardId: string
  mimeType: string
  fileName: string
  size: number
  createdAt: number
}

/** An organisation's signing link, stored only as its SHA-256 hash; one per organisation. */
export interface SigningTokenRecord {
  organisationId: string
  hash: string
  createdAt: number
}

/** A named snapshot of a board (canvas and manifesto), without its bytes. */
export interface VersionRecord {
  id: string
  boardId: string
  name: string
  authorName: string
  createdAt: number
  /** Hash of the manifesto text at the time, or null when the board had none. */
  manifestoHash: string | null
}

/** A person's dots in one vote, kept by the server alone until the facilitator reveals the vote. */
export interface BallotRecord {
  boardId: string
  voteId: string
  /** SHA-256 of the board id and the participant's own secret: one voter, not who. */
  voterHash: string
  /** The organisation the voter speaks for, as they chose it on joining. */
  organisation: string
  /** Note ids, one per dot (several on one note allowed). */
  dots: string[]
  updatedAt: number
}

/** A note written in a silent round, kept by the server (and its author) until the round ends. */
export interface SealedNoteRecord {
  boardId: string
  roundId: string
  /** SHA-256 of the board id and the author's own secret. */
  authorHash: string
  noteId: string
  /** The tldraw note record as JSON text, validated when it was stored. */
  record: string
  updatedAt: number
}

export interface BoardStore extends AuditAndRetention {
  readonly kind: 'sqlite' | 'postgres'
  /** Everything stored for a board; an unknown board loads as empty. */
  loadBoard(boardId: string): Promise<StoredBoard>
  /** Appends updates durably, in order, in one transaction; resolves with the last seq. */
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number>
  /**
   * Appends the updates of several boards in one transaction (group commit across rooms);
   * resolves with the last seq written for each board.
   */
  appendBatch(batch: ReadonlyMap<string, Uint8Array[]>): Promise<Map<string, number>>
  /**
   * Replaces the snapshot and drops logged updates with seq <= throughSeq, atomically.
   * `snapshot` holds what the caller knows; a store shared by several instances also folds in
   * the logged rows it drops (another instance's updates), so compaction never loses one.
   */
  compactBoard(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>
  /** Number of logged (uncompacted) updates and their bytes, for compaction and limits. */
  logStats(boardId: string): Promise<{ updates: number; bytes: number }>
  /** Creates a board with its tokens; fails if the id exists. */
  createBoard(board: BoardRecord, tokens: TokenRecord[]): Promise<void>
  getBoard(boardId: string): Promise<BoardRecord | null>
  listTokens(boardId: string): Promise<TokenRecord[]>
  /** Replaces the token of a role (rotation): the old one stops working at once. */
  replaceToken(boardId: string, token: TokenRecord): Promise<void>
  putAsset(asset: AssetRecord, data: Uint8Array): Promise<void>
  getAsset(
    boardId: string,
    assetId: string,
  ): Promise<{ asset: AssetRecord; data: Uint8Array } | null>
  /** Every asset of a board, oldest first, for export. */
  listAssets(boardId: string): Promise<AssetRecord[]>
  /** The signing links of a board, one per organisation that has one. */
  listSigningTokens(boardId: string): Promise<SigningTokenRecord[]>
  /** Sets an organisation's signing link; the previous one of that organisation stops working. */
  replaceSigningToken(boardId: string, token: SigningTokenRecord): Promise<void>
  /** Stores a named version with its snapshot (a Yjs update of the whole document). */
  putVersion(version: VersionRecord, snapshot: Uint8Array): Promise<void>
  /** A board's versions, newest first, without their snapshots. */
  listVersions(boardId: string): Promise<VersionRecord[]>
  getVersion(
    boardId: string,
    versionId: string,
  ): Promise<{ version: VersionRecord; snapshot: Uint8Array } | null>
  /** Stores a ballot, replacing the voter's earlier one in the same vote. */
  putBallot(ballot: BallotRecord): Promise<void>
  getBallot(boardId: string, voteId: string, voterHash: string): Promise<BallotRecord | null>
  /** Every ballot of one vote. */
  listBallots(boardId: string, voteId: string): Promise<BallotRecord[]>
  /**
   * Stores or replaces a sealed note; `taken` (nothing stored) when the note id is another
   * author's.
   */
  putSealedNote(note: SealedNoteRecord): Promise<'stored' | 'taken'>
  /** Removes one of an author's sealed notes (no-op when it is not theirs). */
  deleteSealedNote(boardId: string, noteId: string, authorHash: string): Promise<void>
  /** The sealed notes of a round, of one author when `authorHash` is given. */
  listSealedNotes(
    boardId: string,
    roundId: string,
    authorHash?: string,
  ): Promise<SealedNoteRecord[]>
  /** Removes the sealed notes of a round (they were revealed into the board). */
  deleteSealedNotes(boardId: string, roundId: string): Promise<void>
  /**
   * Hands out the board's next amendment number, atomically, whichever instance asks: one more
   * than the last it handed out, and more than `atLeast` (the highest number the caller's copy
   * of the document holds, so boards whose amendments predate the counter go on from there).
   */
  nextAmendmentNumber(boardId: string, atLeast: number): Promise<number>
  /** Removes every trace of a board: document, metadata, tokens, assets, versions and audit log. */
  deleteBoard(boardId: string): Promise<void>
  /** Cheap liveness probe for /healthz. */
  ping(): Promise<void>
  close(): Promise<void>
}

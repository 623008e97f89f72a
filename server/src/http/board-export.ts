import {
  DOC_TYPE_NAMES,
  getComments,
  getCommitments,
  getFacilitator,
  getManifesto,
  getMeta,
  getOrganisations,
  getReactions,
  getSessions,
  getSignatures,
  getVotes,
} from '@stip/board/doc-layout'
import { readStoredRecords } from '@stip/board/record-container'
import * as Y from 'yjs'
import type { RetentionNotice } from '../retention/retention'
import type { BoardRecord, BoardStore } from '../store/board-store'

export const EXPORT_FORMAT = 'stip-board-export'
export const EXPORT_VERSION = 1

/**
 * Everything Stip holds of a board, as one JSON document: metadata, the canvas records, every
 * other part of the document (manifesto, votes, reactions, comments, facilitator state), the images, the named
 * versions, and the Yjs state itself so nothing is lost in translation. Token hashes (share
 * and signing links) are left out: they are secrets and useless outside this install. The
 * board's audit log comes along, and its retention (when it will be deleted) when that is on.
 */
export async function exportBoard(
  board: BoardRecord,
  doc: Y.Doc,
  store: BoardStore,
  retention: RetentionNotice | null = null,
) {
  const records = readStoredRecords(doc)
  // Typed accessors, not doc.share: a part read from an update is untyped until asked for.
  const otherParts = {
    [DOC_TYPE_NAMES.meta]: getMeta(doc).toJSON(),
    [DOC_TYPE_NAMES.organisations]: getOrganisations(doc).toJSON(),
    [DOC_TYPE_NAMES.facilitator]: getFacilitator(doc).toJSON(),
    [DOC_TYPE_NAMES.votes]: getVotes(doc).toJSON(),
    [DOC_TYPE_NAMES.signatures]: getSignatures(doc).toJSON(),
    [DOC_TYPE_NAMES.manifesto]: getManifesto(doc).toJSON(),
    [DOC_TYPE_NAMES.reactions]: getReactions(doc).toJSON(),
    [DOC_TYPE_NAMES.commitments]: getCommitments(doc).toJSON(),
    [DOC_TYPE_NAMES.sessions]: getSessions(doc).toJSON(),
    [DOC_TYPE_NAMES.comments]: getComments(doc).toJSON(),
  }
  const assets = await Promise.all(
    (await store.listAssets(board.id)).map(async (asset) => {
      const found = await store.getAsset(board.id, asset.id)
      return { ...asset, dataBase64: found ? Buffer.from(found.data).toString('base64') : null }
    }),
  )
  // Named versions with their snapshots (each a whole-document Yjs update), oldest first.
  const versions = await Promise.all(
    (await store.listVersions(board.id)).reverse().map(async (version) => {
      const found = await store.getVersion(board.id, version.id)
      return {
        ...version,
        snapshotBase64: found ? Buffer.from(found.snapshot).toString('base64') : null,
      }
    }),
  )
  // Which organisations were handed a signing link, and when; never the token hashes.
  const signingLinks = (await store.listSigningTokens(board.id)).map(
    ({ organisationId, createdAt }) => ({ organisationId, createdAt }),
  )
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    board,
    records: [...records.values()],
    document: otherParts,
    assets,
    versions,
    signingLinks,
    audit: await store.listAudit(board.id),
    retention: retention && {
      ...retention,
      deleteAfter: new Date(retention.deleteAfter).toISOString(),
      notice: retentionText(retention),
    },
    yjsUpdateBase64: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
  }
}

/** The export's own words for its retention, in Dutch: the export is read outside Stip. */
function retentionText(retention: RetentionNotice): string {
  const date = new Date(retention.deleteAfter).toLocaleDateString('nl-NL', { dateStyle: 'long' })
  return `Dit bord wordt op ${date} verwijderd als niemand het voor die tijd opent (bewaartermijn ${retention.days} dagen).`
}

import type { TLAssetStore } from 'tldraw'
import { uploadAsset } from '../api/boards-api'

/**
 * Where tldraw keeps images: uploaded to Stip's own server (never inlined as base64 into the
 * shared doc), stored in the asset record as a relative URL without any token, and shown by
 * adding this browser's own token, so a renewed link cannot be read back from the board.
 */
export function createBoardAssetStore(
  boardId: string,
  token: string,
  readOnly: boolean,
): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      // The editor is read-only for viewers; this guards paths that bypass the UI.
      if (readOnly) throw new Error('a viewer cannot add images')
      const uploaded = await uploadAsset(boardId, token, file, { signal: abortSignal })
      return { src: uploaded.src }
    },
    resolve(asset) {
      return resolveAssetSrc(asset.props.src, boardId, token)
    },
  }
}

/** Adds the token to this board's own asset URLs; anything else is left as it is. */
export function resolveAssetSrc(
  src: string | null | undefined,
  boardId: string,
  token: string,
): string | null {
  if (!src) return null
  if (!src.startsWith(`/api/boards/${encodeURIComponent(boardId)}/assets/`)) return src
  const separator = src.includes('?') ? '&' : '?'
  return `${src}${separator}token=${encodeURIComponent(token)}`
}

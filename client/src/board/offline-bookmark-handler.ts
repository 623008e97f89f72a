import { AssetRecordType, type Editor, getHashForString, type TLBookmarkAsset } from 'tldraw'

/**
 * Replaces tldraw's URL unfurling, which fetches the pasted page (a request to a third
 * party that also tells it who is on the board). The bookmark keeps the link and shows the
 * URL as its title; nothing is fetched.
 */
export function registerOfflineBookmarkHandler(editor: Editor): void {
  editor.registerExternalAssetHandler('url', async ({ url }) => {
    const asset: TLBookmarkAsset = {
      id: AssetRecordType.createId(getHashForString(url)),
      typeName: 'asset',
      type: 'bookmark',
      props: { src: url, title: url, description: '', image: '', favicon: '' },
      meta: {},
    }
    return asset
  })
}

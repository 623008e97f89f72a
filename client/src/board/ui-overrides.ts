import type { TLUiOverrides } from 'tldraw'

/**
 * Embeds are switched off (board-shape-utils), so the "Insert embed" action would open a
 * dialog that can never succeed; tldraw's menus skip actions that do not exist.
 */
export const uiOverrides: TLUiOverrides = {
  actions(_editor, actions) {
    const { 'insert-embed': _removed, ...rest } = actions
    return rest
  },
}

import { DefaultContextMenu, DefaultContextMenuContent, type TLUiContextMenuProps } from 'tldraw'
import { CommentMenuGroup } from '../comments/comment-menu-group'
import { ManifestoMenuGroup } from '../manifesto/manifesto-context-menu'

/** tldraw's context menu with Stip's own items on top: "Naar manifest…", "Opmerking plaatsen". */
export function BoardContextMenu(props: TLUiContextMenuProps) {
  return (
    <DefaultContextMenu {...props}>
      <ManifestoMenuGroup />
      <CommentMenuGroup />
      <DefaultContextMenuContent />
    </DefaultContextMenu>
  )
}

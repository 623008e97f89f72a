import { DefaultStylePanel, type TLUiStylePanelProps, useEditor, useValue } from 'tldraw'

/** Tools that make nothing, so there is no style to choose while they are picked. */
const TOOLS_WITHOUT_STYLE = new Set(['select', 'hand', 'eraser', 'laser', 'zoom'])

/**
 * tldraw's style panel, shown only when it has something to style: a selection, or a tool that
 * draws. Always open, it covered the board's top right (a werkvorm's lanes) on a laptop.
 * The phone's style button opens it on demand (`isMobile`), so that one is left as it is.
 */
export function SelectionStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const relevant = useValue(
    'stip style panel relevant',
    () =>
      editor.getSelectedShapeIds().length > 0 ||
      !TOOLS_WITHOUT_STYLE.has(editor.getCurrentToolId()),
    [editor],
  )
  if (!relevant && !props.isMobile) return null
  return <DefaultStylePanel {...props} />
}

import type { CSSProperties } from 'react'
import { DefaultCursor, type TLCursorProps } from 'tldraw'
import { readableTextColor } from '../identity/readable-text-color'

/**
 * tldraw's collaborator cursor writes the name in white on the person's organisation colour;
 * a light colour someone picked (a pale yellow) would make it unreadable. The wrapper only sets
 * tldraw's contrast variable to black or white by measured contrast; `display: contents` keeps
 * the cursor's own positioning untouched.
 */
export function ReadableCursor(props: TLCursorProps) {
  const style = {
    display: 'contents',
    '--tl-color-selected-contrast': readableTextColor(props.color ?? ''),
  } as CSSProperties
  return (
    <div style={style} data-stip-cursor="">
      <DefaultCursor {...props} name={twoLineLabel(props.name)} />
    </div>
  )
}

/**
 * "Name · Organisation" on two lines (styles.css keeps the line breaks): on one line tldraw's
 * 120-pixel tag cut the organisation off, and the organisation is what tells people apart.
 */
function twoLineLabel(name: string | null): string | null {
  if (!name) return name
  const split = name.lastIndexOf(' · ')
  return split === -1 ? name : `${name.slice(0, split)}\n${name.slice(split + 3)}`
}

import { useEffect, useState } from 'react'
import { DefaultFontFaces, type TLDefaultFonts, type TLFontFace, type TLStore } from 'tldraw'
import { markBoardLoad } from './load-marks'

/** tldraw's font styles (`font` prop) and the font family each one draws with. */
const FAMILY_OF_STYLE: Record<string, keyof TLDefaultFonts> = {
  draw: 'tldraw_draw',
  sans: 'tldraw_sans',
  serif: 'tldraw_serif',
  mono: 'tldraw_mono',
}

/** A font that does not arrive in time must never keep the board from opening. */
const FONT_WAIT_LIMIT_MS = 3_000

/**
 * The regular and bold faces of every font the board's shapes use (the hand-drawn font when
 * the board is empty).
 */
export function fontFacesForBoard(store: TLStore): TLFontFace[] {
  const families = new Set<keyof TLDefaultFonts>(['tldraw_draw'])
  for (const record of store.allRecords()) {
    if (record.typeName !== 'shape') continue
    const style = (record.props as { font?: unknown }).font
    const family = typeof style === 'string' ? FAMILY_OF_STYLE[style] : undefined
    if (family) families.add(family)
  }
  return [...families].flatMap((family) => [
    DefaultFontFaces[family].normal.normal,
    DefaultFontFaces[family].normal.bold,
  ])
}

/**
 * Loads fonts into the document before tldraw's editor exists.
 *
 * The editor measures every label while it is being constructed (its select tool asks the
 * spatial index what is under the pointer), before its own font loading has begun; labels
 * measured in a fallback font keep that size until their text changes, so notes were cut
 * off or too tall. With the faces already in `document.fonts`, tldraw reuses them (it looks
 * for an equal face before making its own) and measures with the real font from the start.
 */
export async function loadFontFaces(
  faces: readonly TLFontFace[],
  fontUrls: Readonly<Record<string, string>>,
): Promise<void> {
  await Promise.allSettled(faces.map((face) => loadFontFace(face, fontUrls)))
}

/** One load per face for the page's lifetime, however often a board opens. */
const loadingFaces = new Map<string, Promise<unknown>>()

function loadFontFace(face: TLFontFace, fontUrls: Readonly<Record<string, string>>) {
  const url = fontUrls[face.src.url] ?? face.src.url
  let loading = loadingFaces.get(url)
  if (!loading) {
    const fontFace = new FontFace(face.family, `url(${JSON.stringify(url)})`, {
      ...(face.weight ? { weight: face.weight } : {}),
      ...(face.style ? { style: face.style } : {}),
      display: 'swap',
    })
    document.fonts.add(fontFace)
    loading = fontFace.load()
    loadingFaces.set(url, loading)
  }
  return loading
}

/**
 * Starts loading the fonts nearly every board uses while the board's document is still on its
 * way, so the editor does not wait for them afterwards.
 */
export function warmDefaultBoardFonts(fontUrls: Readonly<Record<string, string>>): void {
  const draw = DefaultFontFaces.tldraw_draw.normal
  void loadFontFaces([draw.normal, draw.bold], fontUrls)
}

/** True once the board's fonts are loaded (or took too long): then the editor may be made. */
export function useBoardFontsLoaded(
  store: TLStore,
  fontUrls: Readonly<Record<string, string>>,
): boolean {
  const [loaded, setLoaded] = useState(false)
  useEffect(() => {
    let active = true
    const done = () => {
      if (!active) return
      active = false
      markBoardLoad('fonts-loaded')
      setLoaded(true)
    }
    const limit = setTimeout(done, FONT_WAIT_LIMIT_MS)
    loadFontFaces(fontFacesForBoard(store), fontUrls).then(done)
    return () => {
      active = false
      clearTimeout(limit)
    }
  }, [store, fontUrls])
  return loaded
}

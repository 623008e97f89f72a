import {
  getDisplayValues,
  type NoteShapeUtil,
  renderHtmlFromRichTextForMeasurement,
  type TLNoteShape,
} from 'tldraw'

/** What tldraw's note util measures for a label: its size and the font scale it chose. */
export interface NoteLabelSize {
  labelHeight: number
  labelWidth: number
  fontSizeAdjustment: number
}

/** tldraw shrinks a note's text for a long word down to this size, then breaks the word. */
const TLDRAW_SMALLEST_PX = 14
/** Stip shrinks on to this size first: a 25-letter Dutch compound fits a note whole. */
const SMALLEST_PX = 9
/** tldraw's measuring props besides font and width (its TEXT_PROPS, not exported). */
const TEXT_PROPS = {
  fontWeight: 'normal',
  fontVariant: 'normal',
  fontStyle: 'normal',
  padding: '0px',
}

/**
 * Dutch compounds are long ("jeugdverpleegkundigen"), and tldraw broke them anywhere
 * ("jeugdverpleegkundige/n") once its text reached 14 px. When the measured label has come
 * down that far, this measures again from 14 px down to 9 px without breaking words and takes
 * the first size at which every word fits; if none does, tldraw's own result stands.
 */
export function keepWordsWhole(
  util: NoteShapeUtil,
  shape: TLNoteShape,
  measured: NoteLabelSize,
): NoteLabelSize {
  const dv = getDisplayValues(util, shape)
  const chosenPx = measured.fontSizeAdjustment * dv.labelFontSize
  // Written so that an unmeasured size (NaN) also returns what tldraw measured.
  if (!(chosenPx <= TLDRAW_SMALLEST_PX + 0.5)) return measured
  const html = renderHtmlFromRichTextForMeasurement(util.editor, shape.props.richText)
  for (let px = Math.min(Math.floor(chosenPx), TLDRAW_SMALLEST_PX); px >= SMALLEST_PX; px--) {
    const size = util.editor.textMeasure.measureHtml(html, {
      ...TEXT_PROPS,
      lineHeight: dv.labelLineHeight,
      fontFamily: dv.labelFontFamily,
      fontSize: px,
      maxWidth: dv.noteWidth - dv.labelPadding * 2 - 1,
      disableOverflowWrapBreaking: true,
      measureScrollWidth: true,
    })
    if (Math.round(size.scrollWidth ?? size.w) <= Math.round(size.w)) {
      return {
        labelHeight: size.h + dv.labelPadding * 2,
        labelWidth: size.w + dv.labelPadding * 2,
        fontSizeAdjustment: px / dv.labelFontSize,
      }
    }
  }
  return measured
}

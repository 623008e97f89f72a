import type { TldrawOptions } from 'tldraw'

/**
 * TipTap moves the caret one timer tick after a note's text editor mounts, to the start of the
 * text by default (tldraw asks for `autofocus: true`). A busy device handles key presses before
 * timers, so the first keys landed and then the caret jumped in front of them: "Met het" became
 * "hetMet ". Focusing at the end keeps the keys in order; tldraw's own caret placement (a
 * double-click's point, select-all on Enter) still runs after this tick.
 */
export const boardOptions: Partial<TldrawOptions> = {
  text: { tipTapConfig: { autofocus: 'end' } },
}

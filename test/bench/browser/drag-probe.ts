/**
 * In-page instrumentation of the browser-to-browser drag benchmark, injected before the app's
 * own scripts (addInitScript). Plain JavaScript in a string, as in page-probe.ts.
 *
 * Times are epoch milliseconds (`performance.timeOrigin` + page time) so two pages can be
 * compared. `moves` holds every pointermove the page receives (its event time and clientX);
 * `seen` holds every change of the watched shape's x in this page's tldraw store, stamped as
 * the record is put (an after-change side effect runs inside the store's put, before any
 * listener or render), i.e. when this page's store has the new position.
 */
export const dragProbeScript = `(() => {
  const moves = [];
  const seen = [];
  let watching = null;
  const editor = () => (window.__stip && window.__stip.editor) || (window.__bench && window.__bench.editor);
  window.addEventListener('pointermove', (event) => {
    moves.push([performance.timeOrigin + event.timeStamp, event.clientX]);
  }, { capture: true });
  window.__drag = {
    ready: () => Boolean(editor()),
    moves,
    seen,
    /** A note in the middle of the viewport, a little left of centre (drags go both ways). */
    createNote(id) {
      const e = editor();
      const centre = e.getViewportPageBounds().center;
      e.createShape({ id, type: 'note', x: centre.x - 100, y: centre.y - 100 });
    },
    hasShape: (id) => Boolean(editor() && editor().getShape(id)),
    watch(id) {
      if (watching === id) return;
      watching = id;
      editor().sideEffects.registerAfterChangeHandler('shape', (prev, next) => {
        if (next.id === watching && next.x !== prev.x) seen.push([performance.timeOrigin + performance.now(), next.x]);
      });
    },
    /** Screen point of the shape's centre, the camera zoom and the shape's x. */
    target(id) {
      const e = editor();
      e.selectNone();
      const bounds = e.getShapePageBounds(id);
      const screen = e.pageToScreen(bounds.center);
      return { x: screen.x, y: screen.y, zoom: e.getZoomLevel(), shapeX: e.getShape(id).x };
    },
    shapeX: (id) => editor().getShape(id).x,
    clear() { moves.length = 0; seen.length = 0; },
    take() { return { moves: moves.slice(), seen: seen.slice() }; },
  };
})();`

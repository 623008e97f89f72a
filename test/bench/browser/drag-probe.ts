/**
 * In-page instrumentation of the browser-to-browser drag benchmark, injected before the app's
 * own scripts (addInitScript). Plain JavaScript in a string, as in page-probe.ts.
 *
 * Times are epoch milliseconds (`performance.timeOrigin` + page time) so two pages can be
 * compared. `moves` holds every pointermove the page receives (its event time and clientX);
 * `seen` holds every change of the watched shape's x in this page's tldraw store, stamped as
 * the record is put (an after-change side effect runs inside the store's put, before any
 * listener or render), i.e. when this page's store has the new position. `sent` holds the
 * times this page's websockets sent a document change (Stip: a y-websocket sync update,
 * bytes 0, 2; tldraw sync: a push carrying a diff), not presence; `received` the times a
 * document change arrived on this page's websockets (the first listener of each socket).
 */
export const dragProbeScript = `(() => {
  const moves = [];
  const seen = [];
  const sent = [];
  const received = [];
  const isDocChange = (data) => {
    if (typeof data === 'string') return data.includes('"diff"');
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
    return bytes !== null && bytes[0] === 0 && bytes[1] === 2;
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (isDocChange(event.data)) received.push(performance.timeOrigin + performance.now());
      });
    }
  };
  const nativeSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (isDocChange(data)) sent.push(performance.timeOrigin + performance.now());
    return nativeSend.call(this, data);
  };
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
    clear() { moves.length = 0; seen.length = 0; sent.length = 0; received.length = 0; },
    take() { return { moves: moves.slice(), seen: seen.slice(), sent: sent.slice(), received: received.slice() }; },
  };
})();`

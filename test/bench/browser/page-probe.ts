/**
 * In-page instrumentation, injected before the app's own scripts (page.addInitScript).
 * Plain JavaScript in a string: functions passed to Playwright would be serialised after
 * tsx's transform, whose name helpers do not exist in the page.
 *
 * It wraps `WebSocket` so it sees each message both before and after y-websocket handles it
 * (a listener added in the constructor runs before the provider's `onmessage`, one added a
 * microtask later runs after it), and it traps the client's `window.__stip` test handle to
 * learn when the editor mounts. Every time is `performance.now()`, i.e. ms since navigation start.
 */
export function pageProbeScript(expectedShapes: number): string {
  return `(() => {
  const EXPECTED = ${JSON.stringify(expectedShapes)};
  const marks = {};
  const mark = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
  const socket = { messages: 0, bytes: 0, largestBytes: 0, largestArrivedAt: 0, largestHandlingMs: 0 };
  const longTasks = [];
  let handle;
  let batch = null;
  let target = null;

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}

  const sizeOf = (data) => (data && (data.byteLength ?? data.length ?? data.size)) || 0;

  function batchComplete() {
    const store = handle.editor.store;
    for (let i = 0; i < batch.ids.length; i++) {
      const shape = store.get(batch.ids[i]);
      if (!shape || shape.x !== batch.xs[i]) return false;
    }
    return true;
  }
  function batchStarted() {
    const store = handle.editor.store;
    for (let i = 0; i < batch.ids.length; i++) {
      const shape = store.get(batch.ids[i]);
      if (shape && shape.x === batch.xs[i]) return true;
    }
    return false;
  }
  function afterMessage(arrivedAt, size) {
    // Stamped before the checks below: the store was complete then, nothing ran in between.
    const checkedAt = performance.now();
    if (!batch || batch.t.appliedAt !== undefined || !handle) return;
    if (batch.t.firstArrivedAt === undefined) {
      if (!batchStarted()) return;
      batch.t.firstArrivedAt = arrivedAt;
    }
    batch.t.messages = (batch.t.messages || 0) + 1;
    batch.t.bytes = (batch.t.bytes || 0) + size;
    if (!batchComplete()) return;
    const done = batch;
    done.t.appliedAt = checkedAt;
    requestAnimationFrame(() => {
      done.t.frameAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { done.t.paintedAt = performance.now(); done.resolve(done.t); };
      channel.port2.postMessage(0);
    });
  }

  const Native = window.WebSocket;
  class ProbedSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (!String(url).includes('/ws/')) return;
      mark('wsCreated');
      this.addEventListener('open', () => mark('wsOpen'));
      let arrivedAt = 0;
      this.addEventListener('message', () => { arrivedAt = performance.now(); mark('wsFirstMessage'); });
      queueMicrotask(() => this.addEventListener('message', (event) => {
        const handledAt = performance.now();
        const size = sizeOf(event.data);
        socket.messages++;
        socket.bytes += size;
        if (size > socket.largestBytes) {
          socket.largestBytes = size;
          socket.largestArrivedAt = arrivedAt;
          socket.largestHandlingMs = handledAt - arrivedAt;
        }
        afterMessage(arrivedAt, size);
      }));
    }
  }
  window.WebSocket = ProbedSocket;

  function pickTarget(editor) {
    const viewport = editor.getViewportScreenBounds();
    for (const shape of editor.getCurrentPageShapesSorted()) {
      const id = shape.id;
      const bounds = editor.getShapePageBounds(id);
      if (!bounds) continue;
      const center = bounds.center;
      const screen = editor.pageToScreen(center);
      const inside = screen.x > viewport.x + 40 && screen.y > viewport.y + 80 &&
        screen.x < viewport.x + viewport.w - 200 && screen.y < viewport.y + viewport.h - 120;
      if (!inside) continue;
      const hit = editor.getShapeAtPoint(center, { hitInside: true });
      if (hit && hit.id === id) return { id, x: screen.x, y: screen.y };
    }
    return null;
  }

  function watchSelection(editor) {
    let frames = 0;
    const tick = () => {
      if (editor.getSelectedShapeIds().includes(target.id)) { mark('selectedByPointer'); return; }
      if (++frames < 600) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  function shapesPresent(h) {
    mark('allShapesInStore');
    requestAnimationFrame(() => {
      mark('firstFrameAfterShapes');
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        mark('framePaintedAfterShapes');
        target = pickTarget(h.editor);
        if (!target) { marks.noTarget = 1; return; }
        window.addEventListener('pointerdown', () => { mark('pointerDown'); watchSelection(h.editor); }, { capture: true, once: true });
        if (window.__benchShapesReady) window.__benchShapesReady(target);
      };
      channel.port2.postMessage(0);
    });
  }

  function onHandle(h) {
    mark('editorMounted');
    marks.shapesAtMount = h.editor.getCurrentPageShapeIds().size;
    const enough = () => h.editor.getCurrentPageShapeIds().size >= EXPECTED;
    if (enough()) return shapesPresent(h);
    const stop = h.editor.store.listen(() => { if (enough()) { stop(); shapesPresent(h); } });
  }

  Object.defineProperty(window, '__stip', {
    configurable: true,
    get: () => handle,
    set: (value) => { handle = value; if (value) onHandle(value); },
  });

  window.__bench = {
    marks,
    loadReport() {
      const nav = performance.getEntriesByType('navigation')[0];
      const scripts = performance.getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js'))
        .map((r) => ({ name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd, bytes: r.transferSize || r.encodedBodySize }));
      const until = marks.framePaintedAfterShapes ?? performance.now();
      const before = longTasks.filter((t) => t.start < until);
      return {
        marks: { ...marks },
        navigation: nav ? { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
        scripts,
        socket: { ...socket },
        longTasksBeforeReady: { count: before.length, totalMs: before.reduce((s, t) => s + t.ms, 0), longest: before.sort((a, b) => b.ms - a.ms).slice(0, 5) },
      };
    },
    armBatch(ids, xs) {
      let resolve;
      const done = new Promise((r) => { resolve = r; });
      const armed = { ids, xs, t: {}, resolve, done };
      batch = armed;
      // Registered before the change: tldraw delivers remote changes to the listeners present
      // when mergeRemoteChanges ends.
      const stop = handle.editor.store.listen(() => {
        if (armed.t.listenerAt !== undefined || !batchComplete()) return;
        armed.t.listenerAt = performance.now();
        stop();
      });
    },
    batchDone(timeoutMs) {
      const current = batch;
      return Promise.race([
        current.done,
        new Promise((r) => setTimeout(() => r({ ...current.t, timedOut: true }), timeoutMs)),
      ]);
    },
    timeOrigin: performance.timeOrigin,
  };
})();`
}

/**
 * Timing inside the page, for the UI benchmarks (bench/ui-*.ts). Installed
 * with page.addInitScript before the console loads, as plain JavaScript (the
 * Node project's TypeScript has no DOM types), it exposes `window.__uiProbe`:
 *
 * - `arm(target)` before an interaction, then `settle()` resolves with its
 *   timings. The start is the `timeStamp` of the interaction's first click
 *   or keydown (when the browser created the input event, on the same clock
 *   as performance.now()). A MutationObserver checks after every DOM change
 *   whether the screen now shows the target:
 *     {kind: "queue"}: the Cola is `data-state="ready"` and its
 *       `data-answer` (a count of the first pages it has shown) is not the
 *       one seen when armed, with a grid holding at least one row or the
 *       empty-state (the grid stays mounted: rows are updated in place);
 *     {kind: "ticket", id}: the ticket workspace is ready for that id, with
 *       a non-empty title and a thread that lists at least one item.
 *   Then requestAnimationFrame + a posted message: the message runs after
 *   the frame that rAF preceded has been painted (committed to the
 *   compositor), which is "the next paint after the rows are in the DOM".
 *   Timings: `ms` (input → painted), `domMs` (input → in the DOM), and, from
 *   the WebSocket to the desk, `sendMs` (input → the first DeskApi call
 *   sent) and `replyMs` (input → the reply to the last call sent before the
 *   target appeared arrived), so a slow figure says where it went.
 * - `record()` / `stop()`: long tasks (PerformanceObserver 'longtask', over
 *   50 ms of main thread work each) and animation frames (rAF callbacks:
 *   frames the main thread could produce) between the two calls, plus the
 *   DeskApi calls sent meanwhile, by name.
 * - `quiet(ms)`: resolves once every DeskApi call has its answer and the
 *   socket has been silent for `ms` (trailing re-reads done).
 * - `scrollToEnd(stepPx, timeoutMs)`: scrolls the Cola's grid by `stepPx`
 *   every animation frame until its last row (data-index = data-total - 1)
 *   is rendered; the grid asks for the next keyset page as it nears the end
 *   of what is loaded, exactly as when a person scrolls.
 */

export const PROBE_SCRIPT = String.raw`(() => {
  if (window.__uiProbe) return;
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch (error) {
    console.error('[ui-probe] no longtask observer', error);
  }

  // DeskApi traffic: when each call left and when its reply came back (read from the first bytes only).
  const sent = [];
  const replies = new Map();
  let lastActivity = 0;
  const Native = window.WebSocket;
  class ProbedSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        lastActivity = performance.now();
        if (typeof event.data !== 'string') return;
        const m = /"id":(\d+)/.exec(event.data.slice(0, 60));
        if (m) replies.set(Number(m[1]), performance.now());
      });
    }
    send(data) {
      lastActivity = performance.now();
      if (typeof data === 'string') {
        const head = data.slice(0, 120);
        const id = /"id":(\d+)/.exec(head);
        const name = /"name":"([^"]+)"/.exec(head);
        if (id && name) sent.push({ id: Number(id[1]), name: name[1], at: performance.now() });
      }
      return super.send(data);
    }
  }
  window.WebSocket = ProbedSocket;

  let armed = null;
  const onInput = (event) => {
    if (armed && armed.inputAt === null) armed.inputAt = event.timeStamp;
  };
  window.addEventListener('click', onInput, true);
  window.addEventListener('keydown', onInput, true);

  function queueParts() {
    const root = document.querySelector('[data-page="queue"]');
    return {
      root,
      grid: root ? root.querySelector('[data-testid="queue-grid"]') : null,
      empty: root ? root.querySelector('[data-testid="queue-empty"]') : null,
      answer: root ? root.dataset.answer : undefined,
    };
  }

  function reached(a) {
    if (a.target.kind === 'queue') {
      const q = queueParts();
      if (!q.root || q.root.dataset.state !== 'ready') return false;
      // A new answer: the Cola counts the first pages it has shown (data-answer); the grid stays
      // mounted and its rows are updated in place.
      if (q.root.dataset.answer === a.before.answer) return false;
      if (q.grid && q.grid.querySelector('[role="row"][data-ticket-id]')) return true;
      return q.empty !== null;
    }
    const t = document.querySelector('[data-page="ticket"][data-state="ready"]');
    if (!t || t.dataset.ticketId !== a.target.id) return false;
    const title = t.querySelector('[data-testid="ticket-title"]');
    const thread = t.querySelector('[data-testid="thread"]');
    return Boolean(title && title.textContent.trim() !== '' && thread && thread.querySelector('li'));
  }

  function arm(target) {
    if (armed) armed.observer.disconnect();
    const a = { target, before: queueParts(), inputAt: null, sentFrom: sent.length, done: false, observer: null, promise: null };
    a.promise = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        a.observer.disconnect();
        reject(new Error('ui-probe: ' + JSON.stringify(target) + ' not reached in 30 s (input seen: ' + (a.inputAt !== null) + ')'));
      }, 30000);
      a.observer = new MutationObserver(() => {
        if (a.done || a.inputAt === null || !reached(a)) return;
        a.done = true;
        a.observer.disconnect();
        const domAt = performance.now();
        const calls = sent.slice(a.sentFrom).filter((c) => c.at <= domAt);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            clearTimeout(timer);
            const paintedAt = performance.now();
            const last = calls[calls.length - 1];
            const replyAt = last ? replies.get(last.id) : undefined;
            resolve({
              ms: paintedAt - a.inputAt,
              domMs: domAt - a.inputAt,
              sendMs: calls.length > 0 ? calls[0].at - a.inputAt : null,
              replyMs: replyAt === undefined ? null : replyAt - a.inputAt,
              calls: calls.map((c) => c.name),
              longTaskMs: longTasks.filter((t) => t.start + t.duration >= a.inputAt && t.start <= paintedAt).reduce((s, t) => s + t.duration, 0),
            });
          };
          channel.port2.postMessage(0);
        });
      });
      a.observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    armed = a;
  }

  function settle() {
    if (!armed) return Promise.reject(new Error('ui-probe: settle() without arm()'));
    const a = armed;
    return a.promise.finally(() => {
      if (armed === a) armed = null;
    });
  }

  let recording = null;
  function record() {
    const r = { from: performance.now(), longFrom: longTasks.length, sentFrom: sent.length, frames: 0, worstGap: 0, last: null, running: true };
    const tick = (now) => {
      if (!r.running) return;
      if (r.last !== null) r.worstGap = Math.max(r.worstGap, now - r.last);
      r.last = now;
      r.frames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    recording = r;
  }

  // Long tasks are reported after they end: wait a frame and a task so the last ones are in.
  function stop() {
    const r = recording;
    recording = null;
    if (!r) return Promise.reject(new Error('ui-probe: stop() without record()'));
    r.running = false;
    const to = performance.now();
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => {
      const tasks = longTasks.slice(r.longFrom).filter((t) => t.start >= r.from && t.start <= to);
      const calls = {};
      for (const c of sent.slice(r.sentFrom)) calls[c.name] = (calls[c.name] || 0) + 1;
      resolve({
        ms: to - r.from,
        frames: r.frames,
        worstFrameGapMs: r.worstGap,
        longTaskMs: tasks.reduce((s, t) => s + t.duration, 0),
        longTasks: tasks.length,
        longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
        calls,
      });
    }, 0)));
  }

  // Resolves once every DeskApi call sent has its reply and nothing went either way on the socket for quietMs.
  function quiet(quietMs) {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const check = () => {
        const open = sent.filter((c) => !replies.has(c.id));
        if (open.length === 0 && performance.now() - lastActivity >= quietMs) return resolve(performance.now() - started);
        if (performance.now() - started > 30000) return reject(new Error('ui-probe: the desk never went quiet: ' + open.map((c) => c.name).join(', ')));
        setTimeout(check, 20);
      };
      check();
    });
  }

  // Scrolls the Cola's grid by stepPx every animation frame until its last row (data-index = total - 1) is rendered.
  function scrollToEnd(stepPx, timeoutMs) {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const tick = () => {
        const root = document.querySelector('[data-page="queue"]');
        const grid = root && root.querySelector('[data-testid="queue-grid"]');
        if (!grid) return reject(new Error('ui-probe: no queue grid to scroll'));
        const total = Number(root.dataset.total);
        const rendered = grid.querySelectorAll('[role="row"][data-index]');
        const last = rendered.length > 0 ? Number(rendered[rendered.length - 1].dataset.index) : -1;
        if (last >= total - 1) return resolve({ ms: performance.now() - started, rows: last + 1, total });
        if (performance.now() - started > timeoutMs) return reject(new Error('ui-probe: bottom not reached in ' + timeoutMs + ' ms (last rendered row ' + last + ' of ' + total + ')'));
        grid.scrollTop += stepPx;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  window.__uiProbe = { arm, settle, record, stop, quiet, scrollToEnd };
})();`;

/** What settle() resolves with. */
export interface InteractionTiming {
  readonly ms: number;
  readonly domMs: number;
  readonly sendMs: number | null;
  readonly replyMs: number | null;
  readonly calls: readonly string[];
  readonly longTaskMs: number;
}

/** What stop() resolves with. */
export interface RecordedSpan {
  readonly ms: number;
  readonly frames: number;
  readonly worstFrameGapMs: number;
  readonly longTaskMs: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly calls: Readonly<Record<string, number>>;
}

export type ProbeTarget = { readonly kind: 'queue' } | { readonly kind: 'ticket'; readonly id: string };

/**
 * The Cola's speed as a technician feels it, measured in Chromium against the
 * real renderer build (out/renderer, rebuilt first when stale, as
 * `npm run web` does) served by the browser bridge, talking over its
 * WebSocket to a real desk core worker whose cache holds the scale-100 demo
 * company (~100k tickets; see support/ui-desk.ts for how the cache is
 * filled in minutes instead of a full sync). Signed in as the demo
 * technician, Spanish, a 1440×900 window.
 *
 *   ui.filter.p95_ms   click on a view tab (Sin asignar, En sitio, Esperando
 *                      al cliente, Todos, Mis tickets) or on a filter value
 *                      (Tipo incidencia/requerimiento on and off, Estado
 *                      nuevo/en curso, Urgencia crítica) → the new query's
 *                      rows painted. Target ≤ 50 ms.
 *   ui.open.p95_ms     click on a row of Todos (at different depths of the
 *                      first pages, so always another ticket) → the ticket
 *                      workspace painted with its subject and thread.
 *                      Target ≤ 50 ms. Escape back to the Cola is not timed.
 *   ui.scroll.longtask_ms  long tasks (main-thread work over 50 ms each,
 *                      PerformanceObserver 'longtask') while the mouse wheel
 *                      scrolls Todos from the top by AYNI_BENCH_SCROLL_STEPS
 *                      steps of AYNI_BENCH_SCROLL_STEP_PX (pages of rows are
 *                      fetched as the end of what is loaded comes near);
 *   ui.scroll.fps      animation frames the page produced per second during
 *                      those steps (rAF callbacks: a frame the main thread
 *                      could not produce is a frame of stale rows);
 *   ui.scroll.bottom.longtask_ms  the same, scrolling on by
 *                      AYNI_BENCH_BOTTOM_STEP_PX per frame until the last of
 *                      the ~100k rows is rendered (keyset pages all the
 *                      way), with the time it took in the context.
 *
 * How "painted" is timed (support/ui-probe.ts, inside the page): from the
 * click's event timeStamp to a task posted from the requestAnimationFrame
 * callback that follows the DOM change showing the target — that task runs
 * once the frame is painted. Each sample also says when the first DeskApi
 * call left and when its answer came back, to tell the desk's share from the
 * renderer's. Before each sample the page is left quiet (no DeskApi traffic
 * for 150 ms), so one sample's trailing re-reads do not land in the next;
 * the first interactions of each kind warm up and are not counted.
 *
 * Environment: AYNI_BENCH_SCALE (default 100: ~100k tickets),
 * AYNI_BENCH_UI_ROUNDS (filter rounds, 15 clicks each, default 3),
 * AYNI_BENCH_UI_OPENS (default 40), AYNI_BENCH_SCROLL_STEPS (default 300),
 * AYNI_BENCH_SCROLL_STEP_PX (default 500), AYNI_BENCH_BOTTOM_STEP_PX
 * (default 5000; AYNI_BENCH_UI_BOTTOM=0 skips the run to the bottom),
 * AYNI_BENCH_UI_PRESS_MS (default 0: Playwright's click, the button
 * released as soon as it is pressed; a person holds it ~60–120 ms, and the
 * Cola starts the ticket's read on the press, so a value such as 80 gives the
 * opening time a person sees: ui.open.press_p95_ms, an extra line; the
 * target is judged on the plain click),
 * AYNI_BENCH_UI_HEADED=1 to watch (needs a display).
 */
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { envNumber, note, percentile, report } from './support/report.ts';
import { startUiDesk, type UiDesk } from './support/ui-desk.ts';
import { PROBE_SCRIPT, type InteractionTiming, type ProbeTarget, type RecordedSpan } from './support/ui-probe.ts';

const SCALE = envNumber('AYNI_BENCH_SCALE', 100);
const ROUNDS = envNumber('AYNI_BENCH_UI_ROUNDS', 3);
const OPENS = envNumber('AYNI_BENCH_UI_OPENS', 40);
const SCROLL_STEPS = envNumber('AYNI_BENCH_SCROLL_STEPS', 300);
const SCROLL_STEP_PX = envNumber('AYNI_BENCH_SCROLL_STEP_PX', 500);
const BOTTOM_STEP_PX = envNumber('AYNI_BENCH_BOTTOM_STEP_PX', 5_000);
const BOTTOM = process.env.AYNI_BENCH_UI_BOTTOM !== '0';
const PRESS_MS = envNumber('AYNI_BENCH_UI_PRESS_MS', 0);
const VIEWPORT = { width: 1440, height: 900 } as const;
const TARGET_MS = 50;
const QUIET_MS = 150;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The renderer build the bridge serves, rebuilt when older than its sources (the same check as `npm run web`). */
function ensureRendererBuilt(): void {
  const script = "const m = await import('./scripts/web.mjs'); m.ensureRendererBuilt();";
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url), stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`the renderer build failed (exit ${result.status})`);
}

async function probe<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

const quiet = (page: Page) => probe<number>(page, `window.__uiProbe.quiet(${QUIET_MS})`);
const nextFrame = (page: Page) => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');

/** Arms the probe, runs the interaction, and returns its timings. */
async function timed(page: Page, target: ProbeTarget, act: () => Promise<void>): Promise<InteractionTiming> {
  await quiet(page);
  await page.evaluate(`window.__uiProbe.arm(${JSON.stringify(target)})`);
  await act();
  return probe<InteractionTiming>(page, 'window.__uiProbe.settle()');
}

async function waitQueueReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-page="queue"][data-state="ready"] [data-testid="queue-grid"] [role="row"][data-ticket-id]', { timeout: 60_000 });
}

interface Sample {
  readonly kind: string;
  readonly what: string;
  readonly timing: InteractionTiming;
}

/** One round of clicks on views and filter values, each showing another query. */
async function filterRound(page: Page, record: (kind: string, what: string, timing: InteractionTiming) => void): Promise<void> {
  const view = async (id: string) => {
    const timing = await timed(page, { kind: 'queue' }, () => page.click(`[data-testid="queue-views"] button[data-view="${id}"]`));
    record('view', id, timing);
  };
  const filter = async (name: string, values: readonly string[]) => {
    await page.click(`[data-testid="filter-${name}"] > button`);
    for (const value of values) {
      const timing = await timed(page, { kind: 'queue' }, () => page.click(`[data-testid="filter-${name}"] input[name="${name}"][value="${value}"]`));
      record(name, value, timing);
    }
    await page.keyboard.press('Escape');
  };
  for (const id of ['unassigned', 'onsite_pending', 'waiting_customer', 'all']) await view(id);
  await filter('type', ['incidencia', 'incidencia', 'requerimiento', 'requerimiento']);
  await filter('status', ['new', 'in_progress', 'new', 'in_progress']);
  await filter('urgency', ['critical', 'critical']);
  await view('mine');
}

function summary(samples: readonly Sample[]): Record<string, number> {
  const ms = samples.map((s) => s.timing.ms);
  const pick = (f: (t: InteractionTiming) => number | null) => samples.map((s) => f(s.timing)).filter((v): v is number => v !== null);
  return {
    samples: samples.length,
    p50: round1(percentile(ms, 50)),
    max: round1(Math.max(...ms)),
    dom_p50: round1(percentile(pick((t) => t.domMs), 50)),
    reply_p50: round1(percentile(pick((t) => t.replyMs), 50)),
    reply_p95: round1(percentile(pick((t) => t.replyMs), 95)),
    longtask_ms_p95: round1(percentile(pick((t) => t.longTaskMs), 95)),
  };
}

function explain(name: string, samples: readonly Sample[]): void {
  const kinds = [...new Set(samples.map((s) => s.kind))];
  for (const kind of kinds) {
    const of = samples.filter((s) => s.kind === kind);
    const ms = of.map((s) => s.timing.ms);
    note(`  ${name} ${kind}: p50 ${percentile(ms, 50).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms (${of.length} samples)`);
  }
  const slow = [...samples].sort((a, b) => b.timing.ms - a.timing.ms).slice(0, 5);
  for (const s of slow) {
    const t = s.timing;
    note(`  slow ${name} ${s.kind}=${s.what}: ${t.ms.toFixed(1)} ms painted, ${t.domMs.toFixed(1)} in DOM, first call sent ${t.sendMs?.toFixed(1) ?? '–'}, last reply ${t.replyMs?.toFixed(1) ?? '–'}, long tasks ${t.longTaskMs.toFixed(0)} ms [${t.calls.join(', ')}]`);
  }
}

async function measureFilters(page: Page, desk: UiDesk): Promise<void> {
  const samples: Sample[] = [];
  // Warm-up round: first renders of each screen state, JIT; not counted.
  await filterRound(page, () => {});
  for (let r = 0; r < ROUNDS; r++) await filterRound(page, (kind, what, timing) => samples.push({ kind, what, timing }));
  const p95 = percentile(samples.map((s) => s.timing.ms), 95);
  report('ui.filter.p95_ms', p95, 'ms', { tickets: desk.tickets, ...summary(samples), target: TARGET_MS, met: p95 <= TARGET_MS });
  note(`ui.filter p95 ${p95.toFixed(1)} ms (target ≤ ${TARGET_MS} ms) ${p95 <= TARGET_MS ? 'MET' : 'MISSED'}`);
  explain('filter', samples);
}

/** The row to open: one well inside the grid's visible area, `depth` rows below the top of the list. */
async function rowAt(page: Page, depth: number): Promise<string> {
  await page.evaluate(`(() => { const g = document.querySelector('[data-testid="queue-grid"]'); g.scrollTop = ${depth * 50}; })()`);
  await nextFrame(page);
  await nextFrame(page);
  const id = await page.evaluate(`(() => {
    const grid = document.querySelector('[data-testid="queue-grid"]');
    const box = grid.getBoundingClientRect();
    const rows = [...grid.querySelectorAll('[role="row"][data-ticket-id]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top + 40 && r.bottom <= box.bottom - 10;
    });
    const row = rows[Math.floor(rows.length / 2)];
    return row ? row.dataset.ticketId : null;
  })()`);
  if (typeof id !== 'string') throw new Error(`no visible row at depth ${depth}`);
  return id;
}

/** Clicks a row: Playwright's click (pressMs 0), or a press held for pressMs before the release, as a person clicks. */
async function clickRow(page: Page, id: string, pressMs: number): Promise<void> {
  const selector = `[data-testid="queue-grid"] [data-ticket-id="${id}"]`;
  if (pressMs <= 0) return page.click(selector);
  const box = await page.locator(selector).boundingBox();
  if (box === null) throw new Error(`row ${id} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(pressMs);
  await page.mouse.up();
}

async function measureOpens(page: Page, desk: UiDesk, pressMs: number): Promise<void> {
  await page.click('[data-testid="queue-views"] button[data-view="all"]');
  await waitQueueReady(page);
  const samples: Sample[] = [];
  const seen = new Set<string>();
  for (let i = -3; i < OPENS; i++) {
    // Depths spread over the first pages (0–1,000 rows), so each sample opens another ticket.
    const depth = i < 0 ? 5 - i : (i * 37) % 1_000;
    await quiet(page);
    const id = await rowAt(page, depth);
    const timing = await timed(page, { kind: 'ticket', id }, () => clickRow(page, id, pressMs));
    if (i >= 0) {
      samples.push({ kind: 'open', what: id.slice(0, 8), timing });
      seen.add(id);
    }
    await page.keyboard.press('Escape');
    await waitQueueReady(page);
  }
  const p95 = percentile(samples.map((s) => s.timing.ms), 95);
  if (pressMs > 0) {
    report('ui.open.press_p95_ms', p95, 'ms', { tickets: desk.tickets, distinct_tickets: seen.size, press_ms: pressMs, ...summary(samples) });
    note(`ui.open with a ${pressMs} ms press: p95 ${p95.toFixed(1)} ms`);
    explain('open (press)', samples);
    return;
  }
  report('ui.open.p95_ms', p95, 'ms', { tickets: desk.tickets, distinct_tickets: seen.size, ...summary(samples), target: TARGET_MS, met: p95 <= TARGET_MS });
  note(`ui.open p95 ${p95.toFixed(1)} ms (target ≤ ${TARGET_MS} ms) ${p95 <= TARGET_MS ? 'MET' : 'MISSED'}`);
  explain('open', samples);
}

/** Todos from the top: a fresh query (another view, then Todos again) with the grid at its first page. */
async function freshAll(page: Page): Promise<void> {
  await page.click('[data-testid="queue-views"] button[data-view="unassigned"]');
  await waitQueueReady(page);
  await page.click('[data-testid="queue-views"] button[data-view="all"]');
  await waitQueueReady(page);
  await quiet(page);
}

async function measureScroll(page: Page, desk: UiDesk): Promise<void> {
  await freshAll(page);
  const grid = await page.locator('[data-testid="queue-grid"]').boundingBox();
  if (grid === null) throw new Error('the queue grid is not visible');
  await page.mouse.move(grid.x + grid.width / 2, grid.y + grid.height / 2);
  await page.evaluate('window.__uiProbe.record()');
  for (let step = 0; step < SCROLL_STEPS; step++) {
    await page.mouse.wheel(0, SCROLL_STEP_PX);
    await nextFrame(page);
  }
  const span = await probe<RecordedSpan>(page, 'window.__uiProbe.stop()');
  const scrolledRows = Math.round(((await page.evaluate('document.querySelector(\'[data-testid="queue-grid"]\').scrollTop')) as number) / 50);
  const fps = span.frames / (span.ms / 1000);
  const context = {
    tickets: desk.tickets,
    steps: SCROLL_STEPS,
    step_px: SCROLL_STEP_PX,
    rows_scrolled: scrolledRows,
    queue_pages: span.calls['queue.page'] ?? 0,
    ms: Math.round(span.ms),
  };
  report('ui.scroll.longtask_ms', span.longTaskMs, 'ms', { ...context, longtasks: span.longTasks, longest_ms: round1(span.longestTaskMs), fps: round1(fps) });
  report('ui.scroll.fps', fps, 'frames/s', { ...context, frames: span.frames, worst_frame_ms: round1(span.worstFrameGapMs) });
  note(`ui.scroll: ${span.longTasks} long tasks, ${span.longTaskMs.toFixed(0)} ms in all (longest ${span.longestTaskMs.toFixed(0)} ms), ${fps.toFixed(1)} frames/s, worst frame ${span.worstFrameGapMs.toFixed(0)} ms, over ${scrolledRows} rows in ${(span.ms / 1000).toFixed(1)} s`);

  if (!BOTTOM) return;
  await quiet(page);
  await page.evaluate('window.__uiProbe.record()');
  const end = await probe<{ ms: number; rows: number; total: number }>(page, `window.__uiProbe.scrollToEnd(${BOTTOM_STEP_PX}, 900000)`);
  const bottom = await probe<RecordedSpan>(page, 'window.__uiProbe.stop()');
  const bottomFps = bottom.frames / (bottom.ms / 1000);
  report('ui.scroll.bottom.longtask_ms', bottom.longTaskMs, 'ms', {
    tickets: desk.tickets,
    rows: end.rows,
    step_px: BOTTOM_STEP_PX,
    to_bottom_ms: Math.round(end.ms),
    queue_pages: bottom.calls['queue.page'] ?? 0,
    longtasks: bottom.longTasks,
    longest_ms: round1(bottom.longestTaskMs),
    fps: round1(bottomFps),
    worst_frame_ms: round1(bottom.worstFrameGapMs),
  });
  note(`ui.scroll to the bottom: ${end.rows} rows in ${(end.ms / 1000).toFixed(1)} s, ${bottom.calls['queue.page'] ?? 0} pages, ${bottom.longTasks} long tasks, ${bottom.longTaskMs.toFixed(0)} ms in all (longest ${bottom.longestTaskMs.toFixed(0)} ms), ${bottomFps.toFixed(1)} frames/s`);
}

ensureRendererBuilt();
const desk = await startUiDesk({ scale: SCALE });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: process.env.AYNI_BENCH_UI_HEADED !== '1', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'es-PE' });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  page.on('pageerror', (error) => note(`[page] ${error.message}`));
  await page.goto(desk.bridge.url);
  await page.waitForSelector('.shell[data-session="signed-in"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="sync-state"][data-state="online"]', { timeout: 120_000 });
  await waitQueueReady(page);
  note(`console signed in and synced, ${desk.tickets} tickets in the cache`);
  await measureFilters(page, desk);
  await measureOpens(page, desk, 0);
  if (PRESS_MS > 0) await measureOpens(page, desk, PRESS_MS);
  await measureScroll(page, desk);
  await context.close();
} finally {
  await browser.close();
  await desk.close();
}

/**
 * How fast the demo company is generated (streamed, as the seed consumes
 * it) at benchmark scale: server.demo.generate_ms and rows/s.
 * Environment: AYNI_BENCH_SCALE (default 100).
 */
import { streamDemoCompany, type DemoBatch } from '../src-server/demo/generate.ts';
import { envNumber, note, report } from './support/report.ts';

const SCALE = envNumber('AYNI_BENCH_SCALE', 100);

note(`generating the demo company at scale ${SCALE}…`);
const counts: Partial<Record<keyof DemoBatch, number>> = {};
let rows = 0;
const stats = { unplacedVisits: 0 };
const started = performance.now();
for (const batch of streamDemoCompany({ seed: 1, today: new Date(), scale: SCALE }, stats)) {
  for (const key of Object.keys(batch) as Array<keyof DemoBatch>) {
    counts[key] = (counts[key] ?? 0) + batch[key].length;
    rows += batch[key].length;
  }
}
const ms = performance.now() - started;
const context = { scale: SCALE, rows, tickets: counts.tickets ?? 0, visits: counts.visits ?? 0, ticketEvents: counts.ticketEvents ?? 0, unplacedVisits: stats.unplacedVisits };
report('server.demo.generate_ms', ms, 'ms', context);
report('server.demo.generate_rows_per_s', (rows / ms) * 1_000, 'rows/s', context);

/**
 * Test-only worker entry: the real desk core worker, plus two ways to make it
 * die the way a native crash or an out-of-memory abort would (the thread just
 * ends, mid-call):
 *  - a call whose input is `{ "crashWorker": true }` ends the thread before the core answers;
 *  - a `crash-on-start` file in the data directory ends every new thread at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { dataDir } = workerData as { dataDir: string };
if (existsSync(join(dataDir, 'crash-on-start'))) process.exit(71);

// Registered before the real worker's listener, so it runs first and the core never sees the message.
parentPort?.on('message', (message: { type?: string; input?: unknown }) => {
  const input = message.input as { crashWorker?: unknown } | undefined;
  if (message.type === 'call' && input?.crashWorker === true) process.exit(70);
});

await import('../../../src-main/core/worker.ts');

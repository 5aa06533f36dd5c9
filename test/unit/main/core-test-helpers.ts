/** Shared set-up for the desk core tests: a fresh data directory and a logger that records instead of printing. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeskCore, type DeskCore } from '../../../src-main/core/desk-core.ts';
import type { CoreLogger } from '../../../src-main/core/log.ts';

export interface RecordingLogger extends CoreLogger {
  readonly lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return {
    lines,
    warn: (message) => void lines.push(`warn: ${message}`),
    error: (message) => void lines.push(`error: ${message}`),
  };
}

export async function tempDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ayni-core-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export function coreFor(dataDir: string, log: CoreLogger = recordingLogger()): DeskCore {
  return createDeskCore({ dataDir, mode: 'web', appVersion: '9.9.9-test', validateOutputs: true, log });
}

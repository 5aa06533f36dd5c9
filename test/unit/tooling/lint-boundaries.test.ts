/**
 * The process boundaries are enforced by ESLint (eslint.config.js). These
 * cases lint code that crosses a boundary, as if it lived at the given path,
 * and expect the lint to fail; and lint allowed code and expect it to pass.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('lint fails when a boundary is crossed', () => {
  const violations: Array<[string, string]> = [
    ['src-shared/x.ts', "import { readFileSync } from 'node:fs'; export const f = readFileSync;"],
    ['src-shared/x.ts', "import fs from 'fs'; export const f = fs;"],
    ['src-shared/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src-shared/x.ts', "import React from 'react'; export const r = React;"],
    ['src-shared/x.ts', "import { startServer } from '../src-server/server.ts'; export const s = startServer;"],
    ['src-shared/x.ts', 'export const w = document.title;'],
    ['src-renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export const i = ipcRenderer;"],
    ['src-renderer/src/x.ts', "import Database from 'better-sqlite3'; export const d = Database;"],
    ['src-renderer/src/x.ts', "import { join } from 'node:path'; export const j = join;"],
    ['src-renderer/src/x.ts', "import { createDeskCore } from '../../src-main/core/desk-core.ts'; export const c = createDeskCore;"],
    ['src-main/electron/x.ts', "import React from 'react'; export const r = React;"],
    ['src-main/core/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src-main/preload/x.ts', "import { z } from 'zod'; export const s = z;"],
    ['src-main/electron/x.ts', "import { ipcMain } from 'electron'; ipcMain.handle('x', () => 1);"],
    ['src-server/x.ts', "import Database from 'better-sqlite3'; export const d = Database;"],
  ];
  it.each(violations)('%s: %s', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).not.toEqual([]);
  });
});

describe('lint passes code that respects the boundaries', () => {
  const allowed: Array<[string, string]> = [
    ['src-shared/x.ts', "import { z } from 'zod'; export const s = z.string();"],
    ['src-renderer/src/x.ts', "import { ok } from '../../src-shared/result.ts'; export const r = ok(1);"],
    ['src-main/core/x.ts', "import { readFileSync } from 'node:fs'; export const f = readFileSync;"],
    ['src-main/electron/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src-server/x.ts', "import { createHash } from 'node:crypto'; export const h = createHash;"],
  ];
  it.each(allowed)('%s: %s', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toEqual([]);
  });
});

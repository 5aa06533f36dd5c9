// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Process boundaries are folders, and crossing one fails the lint (STYLE.md habit 1).
 * Each entry: the files it governs and the imports they may never make.
 */
const nodeBuiltins = [{ group: ['node:*'], message: 'Node built-ins are not available on this side of the boundary.' }];
const boundaries = [
  {
    name: 'src-shared is pure',
    files: ['src-shared/**/*.ts'],
    patterns: [
      ...nodeBuiltins,
      { group: ['electron', 'electron/*'], message: 'src-shared runs everywhere: no Electron.' },
      { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src-shared has no UI.' },
      { group: ['better-sqlite3', 'pg', '@electric-sql/*', 'fastify', 'ws'], message: 'src-shared does no I/O.' },
      { group: ['**/src-main/**', '**/src-server/**', '**/src-renderer/**'], message: 'src-shared imports no other boundary.' },
    ],
    paths: ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'net'],
  },
  {
    name: 'src-renderer is a sandboxed web page',
    files: ['src-renderer/**/*.{ts,tsx}'],
    patterns: [
      ...nodeBuiltins,
      { group: ['electron', 'electron/*'], message: 'The renderer talks to the desk only through DeskApi.' },
      { group: ['better-sqlite3', 'pg', '@electric-sql/*', 'fastify', 'ws'], message: 'The renderer reads rows through DeskApi, never a database.' },
      { group: ['**/src-main/**', '**/src-server/**'], message: 'The renderer imports only src-shared.' },
    ],
    paths: ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'net'],
  },
  {
    name: 'src-main never renders',
    files: ['src-main/**/*.ts'],
    patterns: [
      { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src-main never imports React.' },
      { group: ['**/src-renderer/**', '**/src-server/**'], message: 'src-main talks to the server over HTTP, to the renderer over DeskApi.' },
    ],
    paths: [],
  },
  {
    name: 'the desk core and the bridge run without Electron',
    files: ['src-main/core/**/*.ts', 'src-main/bridge/**/*.ts'],
    patterns: [
      { group: ['electron', 'electron/*'], message: 'The desk core runs in a worker and in the browser bridge: no Electron here.' },
      { group: ['react', 'react-dom'], message: 'src-main never imports React.' },
      { group: ['**/src-renderer/**', '**/src-server/**', '**/electron/**'], message: 'The desk core depends only on src-shared.' },
    ],
    paths: [],
  },
  {
    name: 'the preload exposes DeskApi and nothing else',
    files: ['src-main/preload/**/*.ts'],
    patterns: [
      ...nodeBuiltins,
      { group: ['react', 'react-dom'], message: 'src-main never imports React.' },
      { group: ['**/core/**', '**/bridge/**', 'better-sqlite3', 'zod'], message: 'The sandboxed preload stays small: electron and src-shared names only.' },
    ],
    paths: ['fs', 'path', 'os', 'child_process'],
  },
  {
    name: 'src-server is the server of record',
    files: ['src-server/**/*.ts'],
    patterns: [
      { group: ['electron', 'electron/*', 'react', 'react-dom', 'better-sqlite3'], message: 'The server has no UI and no local cache.' },
      { group: ['**/src-main/**', '**/src-renderer/**'], message: 'The server imports only src-shared.' },
    ],
    paths: [],
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src-renderer/**/*.tsx', 'src-renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...boundaries.map((b) => ({
    name: b.name,
    files: b.files,
    rules: {
      'no-restricted-imports': ['error', { patterns: b.patterns, paths: b.paths.map((name) => ({ name, message: `${b.name}: "${name}" is not allowed here.` })) }],
    },
  })),
  {
    name: 'src-shared has no DOM or Node globals',
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'localStorage', 'navigator', '__dirname', 'require'],
    },
  },
  {
    name: 'raw IPC stays in two files',
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/ipc.ts', 'src-main/preload/index.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name=/^ipc(Main|Renderer)$/]", message: 'Use the typed DeskApi wrappers; raw ipcMain/ipcRenderer live only in electron/ipc.ts and preload/index.ts.' }],
    },
  },
);

/**
 * `npm run server -- [--demo] [--port P] [--data DIR] [--database URL] [--seed N] [--scale N] [--host H]`
 *
 * Prints one line, `Ayni servidor: http://127.0.0.1:PORT (pglite|postgres)`,
 * and serves until SIGINT/SIGTERM. Without --database it uses PGlite under
 * --data (default .data/server).
 */
import { parseArgs } from 'node:util';
import { startServer } from './server.ts';

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} debe ser un entero entre ${min} y ${max} (recibido: ${value}).`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      port: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
    },
    strict: true,
    allowPositionals: false,
  });
  const databaseUrl = values.database;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('--database debe ser una URL postgres://…');
  const server = await startServer({
    port: integer('port', values.port, 0, 65_535) ?? 0,
    host: values.host,
    databaseUrl,
    dataDir: databaseUrl === undefined ? (values.data ?? '.data/server') : undefined,
    demo: values.demo,
    seed: integer('seed', values.seed, 0, 2 ** 31 - 1),
    scale: integer('scale', values.scale, 1, 1_000),
  });
  console.log(`Ayni servidor: ${server.url} (${server.db.kind})`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Ayni servidor: error al cerrar:', error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(`Ayni servidor: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

/**
 * worker_threads entry of the desk core. Built from `workerData`
 * (WorkerInit), it answers `{type:'call', id, name, input}` with
 * `{type:'result', id, result}` and forwards the core's events as
 * `{type:'event', event, payload}`.
 *
 * Under Node 22 this file runs as TypeScript directly (type stripping), which
 * is how the browser bridge starts it; Electron runs the bundled build.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { fail, type Result } from '../../src-shared/result.ts';
import { createDeskCore, INTERNAL_ERROR_MESSAGE } from './desk-core.ts';
import { createStderrLogger } from './log.ts';
import type { TokenStore } from './sync/token-store.ts';
import { WorkerInitSchema, type HostToWorker, type TokenOp, type WorkerToHost } from './worker-messages.ts';

function requireParentPort(): MessagePort {
  if (parentPort === null) throw new Error('src-main/core/worker.ts must be started as a worker thread (see worker-host.ts).');
  return parentPort;
}

const port = requireParentPort();

const log = createStderrLogger('core-worker');
const init = WorkerInitSchema.parse(workerData);

function post(message: WorkerToHost): void {
  port.postMessage(message);
}

/** The session token, kept by the host (see worker-host.ts); every request is answered, failures as null. */
const tokenAnswers = new Map<number, (token: string | null) => void>();
let nextTokenRequest = 1;
function askHost(op: TokenOp, token?: string): Promise<string | null> {
  return new Promise((resolve) => {
    const id = nextTokenRequest++;
    tokenAnswers.set(id, resolve);
    post({ type: 'token', id, op, ...(token === undefined ? {} : { token }) });
  });
}
const hostTokens: TokenStore = {
  load: () => askHost('load'),
  save: async (token) => {
    await askHost('save', token);
  },
  clear: async () => {
    await askHost('clear');
  },
};

const core = createDeskCore({
  dataDir: init.dataDir,
  mode: init.mode,
  appVersion: init.appVersion,
  serverUrl: init.serverUrl,
  tokens: hostTokens,
  ...(init.syncTuning === undefined ? {} : { syncTuning: init.syncTuning }),
  log,
});

function postResult(id: number, result: Result<unknown>): void {
  try {
    post({ type: 'result', id, result });
  } catch (error) {
    // A value structured clone cannot copy (a function, a class instance) is a handler bug; the caller still gets an answer.
    log.error(`could not send the result of call ${id}`, error);
    post({ type: 'result', id, result: fail('INTERNAL', INTERNAL_ERROR_MESSAGE) });
  }
}

core.onEvent((event, payload) => post({ type: 'event', event, payload }));

port.on('message', (message: HostToWorker) => {
  if (message.type === 'call') {
    void core.handle(message.name, message.input).then((result) => postResult(message.id, result));
    return;
  }
  if (message.type === 'tokenResult') {
    const resolve = tokenAnswers.get(message.id);
    tokenAnswers.delete(message.id);
    if (resolve === undefined) log.warn(`token answer ${message.id} matches no request`);
    else resolve(message.token);
    return;
  }
  if (message.type === 'close') {
    void core.close().then(() => {
      post({ type: 'closed' });
      // Closing the port lets the thread's event loop drain and the worker exit on its own.
      port.close();
    });
    return;
  }
  log.warn(`ignoring an unknown message from the host: ${JSON.stringify(message)}`);
});

post({ type: 'ready' });

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
import { WorkerInitSchema, type HostToWorker, type WorkerToHost } from './worker-messages.ts';

function requireParentPort(): MessagePort {
  if (parentPort === null) throw new Error('src-main/core/worker.ts must be started as a worker thread (see worker-host.ts).');
  return parentPort;
}

const port = requireParentPort();

const log = createStderrLogger('core-worker');
const init = WorkerInitSchema.parse(workerData);
const core = createDeskCore({ ...init, log });

function post(message: WorkerToHost): void {
  port.postMessage(message);
}

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

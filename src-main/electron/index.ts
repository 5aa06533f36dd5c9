/**
 * Electron main entry. Everything happens in desk-app.ts; this file only
 * supplies what the build knows: where the desk-core worker bundle is and
 * where the main bundle itself lives.
 */
import deskWorkerPath from '../core/worker.ts?modulePath';
import { runDeskApp } from './desk-app.ts';

runDeskApp({
  workerPath: deskWorkerPath,
  mainDir: import.meta.dirname,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  userDataDir: process.env['AYNI_USER_DATA_DIR'],
});

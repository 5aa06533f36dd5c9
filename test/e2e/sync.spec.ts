/**
 * The desk core's sync, end to end over the browser bridge: DeskApi spoken
 * from Node with the page's origin and token (the UI's own smoke test lives
 * with the renderer), a real server of record on PGlite with the demo
 * company, and a second client — a supervisor pulling with the sync
 * protocol — that checks what the server really holds.
 *
 * Login, initial sync with progress, a queue page, an edit pushed to the
 * server; then the server goes down, an edit is saved offline and queued,
 * the server comes back on the same port and data, and the edit lands.
 */
import { randomUUID } from 'node:crypto';
import type { SyncStatus } from '../../src-shared/ipc/desk-api.ts';
import type { QueuePage, Session } from '../../src-shared/ipc/work-calls.ts';
import { connectDeskApi, DEMO_PASSWORD, DEMO_USERS, expect, test, type DeskApiClient } from './fixtures.ts';

/** Another desk on the server: pulls the change log with the protocol and remembers its cursor. */
async function serverObserver(serverUrl: string) {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_USERS.supervisor, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const clientId = `e2e-observer-${randomUUID()}`;
  let cursor: string | null = null;
  /** Pulls everything committed since the last call; returns the changes. */
  async function catchUp(): Promise<Array<{ entity: string; id: string; data: Record<string, unknown> | null }>> {
    const changes: Array<{ entity: string; id: string; data: Record<string, unknown> | null }> = [];
    for (;;) {
      const query = new URLSearchParams({ clientId, limit: '5000', ...(cursor === null ? {} : { cursor }) });
      const response = await fetch(`${serverUrl}/api/v1/sync/pull?${query.toString()}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { cursor: string; hasMore: boolean; changes: typeof changes };
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return changes;
    }
  }
  return { catchUp };
}

function statuses(desk: DeskApiClient): SyncStatus[] {
  return desk.events.filter((e) => e.event === 'sync.status').map((e) => e.payload as SyncStatus);
}

async function waitForStatus(desk: DeskApiClient, expected: Partial<SyncStatus>, timeout: number): Promise<void> {
  await expect.poll(async () => desk.value<SyncStatus>('sync.status'), { timeout, intervals: [100, 250, 500] }).toMatchObject(expected);
}

test.describe('sync through the desk core', () => {
  test.describe.configure({ mode: 'serial' });

  test('signs in, syncs, pushes an edit, keeps one made offline and sends it when the server is back', async ({ deskWithServer, startFreshDesk }) => {
    test.setTimeout(240_000);
    // A desk of its own on the worker's server: signed out and never synced, whichever specs ran before on this worker.
    const desk = await connectDeskApi(await startFreshDesk({ serverUrl: deskWithServer.serverUrl }));
    try {
      const before = await desk.value<Session>('session.get');
      expect(before).toMatchObject({ signedIn: false, user: null, serverUrl: deskWithServer.serverUrl });

      const session = await desk.value<Session>('session.login', { email: DEMO_USERS.technician, password: DEMO_PASSWORD });
      expect(session).toMatchObject({ signedIn: true, user: { email: DEMO_USERS.technician, role: 'technician' }, serverUrl: deskWithServer.serverUrl });
      expect(desk.events.filter((e) => e.event === 'session.changed').map((e) => e.payload)).toContainEqual(session);

      // The initial sync reports its progress and ends online, with nothing pending.
      await waitForStatus(desk, { state: 'online', pendingEdits: 0 }, 120_000);
      const progress = statuses(desk).flatMap((s) => (s.progress === undefined ? [] : [s.progress]));
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.every((p) => p.done <= p.total)).toBe(true);
      expect(statuses(desk).map((s) => s.state)).toContain('syncing');

      const queue = await desk.value<QueuePage>('queue.page', { view: 'all', filters: { status: ['new', 'in_progress'] }, limit: 20 });
      expect(queue.total).toBeGreaterThan(0);
      expect(queue.rows.length).toBeGreaterThan(0);
      for (const row of queue.rows) {
        expect(row.rank.explanation.es).toMatch(/^P\d+: urgencia /);
        expect(['none', 'ok', 'warning', 'breached', 'paused', 'met']).toContain(row.sla.state);
        if (row.channel === 'email') expect(row.sla.state).toBe('none');
      }
      const ticketId = queue.rows[0]!.id;

      const observer = await serverObserver(deskWithServer.serverUrl);
      await observer.catchUp();

      // Online: saved locally, pushed, and the server holds it.
      const onlineNote = `Nota e2e en línea ${randomUUID().slice(0, 8)}`;
      const saved = await desk.value<{ status: string; entityId: string }>('edit.apply', { name: 'ticket.addNote', args: { ticketId, kind: 'note', body: onlineNote } });
      expect(saved.status).toBe('saved');
      await waitForStatus(desk, { state: 'online', pendingEdits: 0 }, 30_000);
      await expect.poll(async () => (await observer.catchUp()).some((c) => c.entity === 'ticketEvent' && c.id === saved.entityId && c.data?.body === onlineNote), { timeout: 30_000 }).toBe(true);

      // Offline: the edit is saved on this desk and waits in the queue.
      await deskWithServer.stopServer();
      const offlineNote = `Nota e2e sin conexión ${randomUUID().slice(0, 8)}`;
      const queued = await desk.value<{ status: string; entityId: string }>('edit.apply', { name: 'ticket.addNote', args: { ticketId, kind: 'note', body: offlineNote } });
      expect(queued.status).toBe('saved');
      await waitForStatus(desk, { state: 'offline', pendingEdits: 1 }, 30_000);
      const detail = await desk.value<{ pendingIds: string[]; events: Array<{ id: string; body: string | null }> }>('ticket.get', { id: ticketId });
      expect(detail.pendingIds).toEqual([queued.entityId]);
      expect(detail.events.find((e) => e.id === queued.entityId)?.body).toBe(offlineNote);

      // Back online on the same port and data: the desk retries by itself and the edit lands.
      await deskWithServer.startServer();
      await waitForStatus(desk, { state: 'online', pendingEdits: 0 }, 60_000);
      await expect.poll(async () => (await observer.catchUp()).some((c) => c.entity === 'ticketEvent' && c.id === queued.entityId && c.data?.body === offlineNote), { timeout: 30_000 }).toBe(true);
      expect((await desk.value<{ pendingIds: string[] }>('ticket.get', { id: ticketId })).pendingIds).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

/**
 * Working with the server down, end to end: the status bar says so, edits
 * (a status change, a reply, time) are saved on this computer and marked as
 * unsent in the ticket, the thread and the queue; when the server comes back
 * the desk sends them by itself and the server of record holds every one.
 */
import { expect, expectNoSeriousA11yViolations, snap, test } from './fixtures.ts';
import { QueueScreen } from './pages/queue-screen.ts';
import { makeTicket, observeServer } from './pages/server-observer.ts';
import { signedInConsole } from './pages/signed-in.ts';
import { TicketScreen } from './pages/ticket-screen.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

test('edits made while the server is down are kept, shown as unsent, and land when it is back', async ({ browser, deskWithServer }) => {
  const observer = await observeServer(deskWithServer.serverUrl);
  // A ticket of its own: specs share the worker's server, so none counts on the demo company's new tickets lasting.
  const { id, number } = await makeTicket(observer, { inArea: true, subject: `Outlook se queda en «Cargando perfil» ${Date.now() % 100_000}` });
  const { page, context, shell } = await signedInConsole(browser, deskWithServer);
  try {
    const queue = new QueueScreen(page);
    await queue.showView('all');
    await queue.searchFor(String(number));
    await expect(queue.row(number)).toBeVisible();
    await queue.row(number).click();
    const ticket = new TicketScreen(page);
    await ticket.waitReady(id);

    await deskWithServer.stopServer();
    await expect(shell.syncState).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
    await expect(shell.syncState).toHaveText('Sin conexión');

    await ticket.changeStatus('in_progress');
    const reply = 'Buenos días: estamos revisando el equipo de forma remota; le escribimos apenas tengamos novedades.';
    await ticket.write('reply', reply);
    await ticket.chooseWorkKind('remote');
    await ticket.duration.fill('20 min');
    await expect(ticket.timePreview).toHaveText('20 min se registran como 30 min (remoto).');
    await ticket.logTime();
    await expect(shell.pendingEdits).toHaveText('3 cambios pendientes');
    await expect(ticket.root).toHaveAttribute('data-pending-sync', 'true');
    await expect(page.getByTestId('ticket-pending')).toHaveText('Con cambios sin enviar');
    await expect(ticket.thread.getByTestId('thread-message').filter({ hasText: reply })).toHaveAttribute('data-pending', 'true');
    await expect(ticket.thread.getByTestId('thread-time').filter({ hasText: '30 min remoto' })).toHaveAttribute('data-pending', 'true');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'offline-es-PE-ticket');

    await page.keyboard.press('Escape');
    await queue.waitReady();
    await expect(queue.row(number)).toHaveAttribute('data-pending-sync', 'true');
    await expect(queue.row(number).getByTestId('pending-sync')).toBeVisible();
    await snap(page, 'offline-es-PE-queue');

    await shell.chooseLanguage('en');
    await shell.goTo('queue');
    await expect(shell.syncState).toHaveText('Offline');
    await expect(shell.pendingEdits).toHaveText('3 pending changes');
    await snap(page, 'offline-en-queue');
    await shell.chooseLanguage('es-PE');

    await deskWithServer.startServer();
    await expect(shell.syncState).toHaveAttribute('data-state', 'online', { timeout: 60_000 });
    await expect(shell.pendingEdits).toHaveText('Sin cambios pendientes', { timeout: 60_000 });
    await shell.goTo('queue');
    await queue.waitReady();
    await expect(queue.row(number)).toHaveAttribute('data-pending-sync', 'false');
    await expect
      .poll(
        async () => {
          await observer.catchUp();
          const row = observer.latest('ticket', id);
          const replies = observer.all('ticketEvent').filter((e) => e.ticketId === id && e.kind === 'reply').map((e) => e.body);
          const times = observer.all('timeEntry').filter((e) => e.ticketId === id).map((e) => `${e.minutes as number} ${e.kind as string}`);
          return { status: row?.status, reply: replies.includes(reply), time: times.includes('30 remote') };
        },
        { timeout: 30_000 },
      )
      .toEqual({ status: 'in_progress', reply: true, time: true });
  } finally {
    await deskWithServer.startServer();
    await context.close();
  }
});

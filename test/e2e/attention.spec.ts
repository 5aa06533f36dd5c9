/**
 * Needs attention, end to end: an edit the server refuses (marking
 * «Visita agendada» before any visit is booked — a rule only the server can
 * check) comes back to the technician with the server's reason in Spanish,
 * a badge in the status bar and the navigation, and the ticket shows the
 * server's version again. It can be fixed in a small form and retried (and
 * then lands on the server), or discarded. A time entry dated in the
 * future by a computer whose clock runs a day ahead is refused too, and
 * fixed by typing the right date (dd/mm/aaaa) in the form.
 */
import { addDays, formatDateEntry } from '../../src-renderer/src/i18n/date-entry.ts';
import { limaDateOf } from '../../src-renderer/src/i18n/format.ts';
import { expect, expectNoSeriousA11yViolations, snap, test } from './fixtures.ts';
import { AttentionScreen } from './pages/attention-screen.ts';
import { makeTicket, observeServer } from './pages/server-observer.ts';
import { signedInConsole } from './pages/signed-in.ts';
import { TicketScreen } from './pages/ticket-screen.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const REASON = 'Para marcar «Visita agendada», primero agende la visita.';

test('a refused status change comes back with the reason; fixed and retried it lands, discarded it goes', async ({ browser, deskWithServer }) => {
  const observer = await observeServer(deskWithServer.serverUrl);
  const target = await makeTicket(observer, { inArea: true, subject: `Cableado del segundo piso ${Date.now() % 100_000}` });
  expect(await observer.push('ticket.setStatus', { id: target.id, status: 'in_progress' })).toMatchObject({ status: 'applied' });
  const { page, context, shell } = await signedInConsole(browser, deskWithServer);
  try {
    await page.goto(`${deskWithServer.origin}/#/ticket/${target.id}`);
    await shell.waitReady();
    const ticket = new TicketScreen(page);
    await ticket.waitReady(target.id);
    await ticket.escalateButton.click();
    await expect(page.getByTestId('onsite-check')).toHaveAttribute('data-state', 'in');
    await page.getByTestId('escalate-confirm').click();
    await expect(ticket.root).toHaveAttribute('data-status', 'onsite_pending');
    await expect(shell.pendingEdits).toHaveText('Sin cambios pendientes', { timeout: 30_000 });

    // «Visita agendada» with no visit booked: saved here, refused by the server, rolled back.
    await ticket.requestStatus('onsite_scheduled');
    const badge = page.getByTestId('attention-badge');
    await expect(badge).toHaveText('1 requiere atención', { timeout: 30_000 });
    await expect(page.getByTestId('nav-attention-count')).toContainText('1');
    await expect(ticket.root).toHaveAttribute('data-status', 'onsite_pending');
    await snap(page, 'attention-es-PE-badge');

    await badge.click();
    const attention = new AttentionScreen(page);
    await attention.waitReady();
    const item = attention.item('INVALID_TRANSITION');
    await expect(item).toHaveCount(1);
    await expect(item.locator('.attention-item__title')).toHaveText('Cambio de estado');
    // The badge does not repeat the title; the ticket is named as people know it, never by its UUID.
    await expect(item.locator('.pill')).toHaveText('No permitido');
    await expect(item.getByTestId('attention-ticket')).toHaveText(`Ticket #${target.number} · ${target.subject}`);
    await expect(item).toContainText(REASON);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'attention-es-PE-list');

    // Fix: «En curso» instead, and retry.
    await item.getByTestId('fix').click();
    const status = item.getByLabel('Estado');
    await expect(status).toHaveValue('onsite_scheduled');
    // The edit's ids travel with the retry but are not shown: no box holds a UUID (a status change has only its status to fix).
    await expect(item.getByTestId('fix-form').getByRole('textbox')).toHaveCount(0);
    await expect(item.getByTestId('fix-form')).not.toContainText(target.id);
    await status.selectOption('in_progress');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'attention-es-PE-fix');
    await item.getByTestId('retry').click();
    await expect(attention.empty).toHaveText('Todo en orden: el servidor aceptó todos sus cambios.', { timeout: 30_000 });
    await expect(badge).toHaveCount(0);
    await expect
      .poll(async () => {
        await observer.catchUp();
        return observer.latest('ticket', target.id)?.status;
      })
      .toBe('in_progress');

    // Again, and this time discard it: the ticket keeps the server's status.
    await page.goBack();
    await ticket.waitReady(target.id);
    await expect(ticket.root).toHaveAttribute('data-status', 'in_progress', { timeout: 30_000 });
    await ticket.changeStatus('onsite_pending');
    await ticket.requestStatus('onsite_scheduled');
    await expect(badge).toHaveText('1 requiere atención', { timeout: 30_000 });
    await shell.chooseLanguage('en');
    await page.getByTestId('attention-badge').click();
    await attention.waitReady();
    await expect(attention.items.first().locator('.attention-item__title')).toHaveText('Status change');
    await expect(attention.items.first().locator('.pill')).toHaveText('Not allowed');
    await expect(attention.items.first().getByTestId('attention-ticket')).toHaveText(`Ticket #${target.number} · ${target.subject}`);
    await expect(attention.items.first()).toContainText(REASON);
    // The reason is the server's Spanish text: the English UI says so, and marks it as Spanish for screen readers.
    await expect(attention.items.first().locator('.attention-item__reason-label')).toHaveText('Server’s reason (in Spanish): ');
    await expect(attention.items.first().locator('.attention-item__reason [lang="es"]')).toHaveText(REASON);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'attention-en-list');
    await attention.items.first().getByTestId('fix').click();
    await expect(attention.items.first().getByLabel('Status')).toHaveValue('onsite_scheduled');
    await expect(attention.items.first().getByTestId('fix-form').getByRole('textbox')).toHaveCount(0);
    await snap(page, 'attention-en-fix');
    await attention.items.first().getByTestId('discard').click();
    await expect(attention.empty).toHaveText('All clear: the server accepted all your changes.');
    await snap(page, 'attention-en-empty');
    await expect
      .poll(async () => {
        await observer.catchUp();
        return observer.latest('ticket', target.id)?.status;
      })
      .toBe('onsite_pending');
  } finally {
    await shell.chooseLanguage('es-PE');
    await context.close();
  }
});

test('time logged by a computer whose clock runs a day ahead: refused as future, fixed by typing the real date', async ({ browser, deskWithServer }) => {
  const observer = await observeServer(deskWithServer.serverUrl);
  const target = await makeTicket(observer, { inArea: true, subject: `Reloj adelantado en la PC de caja ${Date.now() % 100_000}` });
  const realToday = limaDateOf(new Date());
  const { page, context, shell } = await signedInConsole(browser, deskWithServer, { fakeClock: true, clockOffsetMs: 24 * 3_600_000 });
  try {
    await page.goto(`${deskWithServer.origin}/#/ticket/${target.id}`);
    await shell.waitReady();
    const ticket = new TicketScreen(page);
    await ticket.waitReady(target.id);
    // For this computer «today» is the server's tomorrow.
    const deskToday = limaDateOf(new Date(await page.evaluate(() => Date.now())));
    expect(deskToday).toBe(addDays(realToday, 1));
    await expect(ticket.workDate).toHaveValue(formatDateEntry(deskToday));
    await ticket.duration.fill('30 min');
    await ticket.logTime();

    const badge = page.getByTestId('attention-badge');
    await expect(badge).toHaveText('1 requiere atención', { timeout: 30_000 });
    await badge.click();
    const attention = new AttentionScreen(page);
    await attention.waitReady();
    const item = attention.item('VALIDATION');
    await expect(item).toContainText('Registro de tiempo');
    await expect(item.getByTestId('attention-ticket')).toHaveText(`Ticket #${target.number} · ${target.subject}`);
    await expect(item).toContainText('No se puede registrar tiempo en una fecha futura.');
    await item.getByTestId('fix').click();
    // The date reads as the technician writes it, not as ISO.
    const workDate = item.getByLabel('Fecha del trabajo');
    await expect(workDate).toHaveValue(formatDateEntry(deskToday));
    await workDate.fill('no sé');
    await item.getByTestId('retry').click();
    await expect(item.getByText('No se entiende la fecha. Escríbala como dd/mm/aaaa', { exact: false })).toBeVisible();
    await workDate.fill(formatDateEntry(realToday));
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'attention-es-PE-fix-date');
    await item.getByTestId('retry').click();
    await expect(attention.empty).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(async () => {
        await observer.catchUp();
        return observer.all('timeEntry').filter((e) => e.ticketId === target.id).map((e) => `${e.minutes as number} ${e.workDate as string}`);
      })
      .toEqual([`30 ${realToday}`]);
  } finally {
    await context.close();
  }
});

/**
 * Needs attention, end to end: an edit the server refuses (marking
 * «Visita agendada» before any visit is booked — a rule only the server can
 * check) comes back to the technician with the server's reason in Spanish,
 * a badge in the status bar and the navigation, and the ticket shows the
 * server's version again. It can be fixed in a small form and retried (and
 * then lands on the server), or discarded. A time entry dated in the
 * future by a computer whose clock runs a day ahead is refused too, and
 * fixed by typing the right date (dd/mm/aaaa) in the form. Fields that
 * name another record (the customer of a new ticket, the assignee, the
 * technician of a visit) are picked by name, never typed as a UUID; an id
 * this computer does not know is kept and said to be not found.
 */
import { randomUUID } from 'node:crypto';
import { addDays, formatDateEntry } from '../../src-renderer/src/i18n/date-entry.ts';
import { limaDateOf } from '../../src-renderer/src/i18n/format.ts';
import { connectDeskApi, DEMO_USERS, expect, expectNoSeriousA11yViolations, snap, test, type DeskApiClient } from './fixtures.ts';
import { AttentionScreen } from './pages/attention-screen.ts';
import { makeTicket, observeServer } from './pages/server-observer.ts';
import { signedInConsole, switchUser } from './pages/signed-in.ts';
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

/** Waits until the desk's local copy has the ticket another desk just made (an edit of it needs the row). */
async function deskHasTicket(api: DeskApiClient, id: string): Promise<void> {
  await expect
    .poll(async () => {
      const result = await api.call<unknown>('ticket.get', { id });
      return result.ok && result.value !== null;
    }, { timeout: 30_000 })
    .toBe(true);
}

interface CalendarDayAnswer {
  readonly date: string;
  readonly open: boolean;
  readonly opensAt?: string;
  readonly closesAt?: string;
}

/** 10:00–11:00 (Lima) of an open day three weeks or more ahead on which the technician has nothing booked on the server. */
async function freeMorning(api: DeskApiClient, visits: ReadonlyArray<Record<string, unknown>>, technicianId: string): Promise<{ startsAt: string; endsAt: string }> {
  const today = limaDateOf(new Date());
  const months = new Map<string, CalendarDayAnswer[]>();
  for (let offset = 21; offset < 120; offset++) {
    const date = addDays(today, offset);
    const key = date.slice(0, 7);
    if (!months.has(key)) {
      const month = await api.value<{ days: CalendarDayAnswer[] }>('calendar.month', { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) });
      months.set(key, month.days);
    }
    const day = months.get(key)?.find((d) => d.date === date);
    if (!day?.open || (day.opensAt ?? '99:99') > '10:00' || (day.closesAt ?? '00:00') < '11:00') continue;
    const busy = visits.some((v) => v.technicianId === technicianId && v.status !== 'cancelled' && limaDateOf(new Date(v.startsAt as string)) === date);
    if (!busy) return { startsAt: `${date}T15:00:00.000Z`, endsAt: `${date}T16:00:00.000Z` };
  }
  throw new Error('No free open morning in the next four months');
}

test('a refused new ticket and visit name their customer and technician; picking others by name and retrying lands those ids', async ({ browser, deskWithServer }) => {
  const observer = await observeServer(deskWithServer.serverUrl);
  await observer.catchUp();
  const activeCustomers = observer.all('customer').filter((c) => c.active === true && (c.emails as string[]).length > 0);
  // The customer the technician meant (who wrote from a registered address) and the one he picked by mistake.
  const [meant, wrong] = activeCustomers;
  if (!meant || !wrong) throw new Error('The demo company needs two active customers with email');
  const users = observer.all('user');
  const me = users.find((u) => u.email === DEMO_USERS.technician);
  if (!me) throw new Error('No demo technician on the server');
  const technicianNames = users.filter((u) => u.role === 'technician' && u.active === true).map((u) => u.name as string);
  const otherNames = users.filter((u) => u.role !== 'technician').map((u) => u.name as string);
  const { page, context } = await signedInConsole(browser, deskWithServer);
  const api = await connectDeskApi(deskWithServer);
  try {
    // A ticket by email saved for the wrong customer (the form's way: the desk's own edit call): the server refuses the address.
    const ticketId = randomUUID();
    const subject = `No llegan los correos ${Date.now() % 100_000}`;
    const email = (meant.emails as string[])[0] as string;
    await api.value('edit.apply', {
      name: 'ticket.create',
      args: { id: ticketId, customerId: wrong.id, type: 'incidencia', channel: 'email', urgency: 'medium', subject, description: 'Llegó por correo.', requesterEmail: email, assigneeId: null },
    });
    const badge = page.getByTestId('attention-badge');
    await expect(badge).toHaveText('1 requiere atención', { timeout: 30_000 });
    await badge.click();
    const attention = new AttentionScreen(page);
    await attention.waitReady();
    const created = attention.item('VALIDATION');
    await expect(created.locator('.attention-item__title')).toHaveText('Creación de ticket');
    await expect(created).toContainText(`no está registrado para ${wrong.name as string}`);
    await created.getByTestId('fix').click();
    const form = created.getByTestId('fix-form');
    // The customer by name and code, with a box to search another; "nobody" assigned says so.
    await expect(created.getByTestId('fix-customer-current')).toHaveText(`${wrong.name as string} · ${wrong.code as string}`);
    const assignee = created.getByLabel('Asignado a');
    await expect(assignee.locator('option:checked')).toHaveText('Sin asignar');
    const people = await assignee.locator('option').allInnerTexts();
    expect(people[0]).toBe('Sin asignar');
    expect(people.slice(1).sort()).toEqual([...technicianNames].sort());
    await expect(form).not.toContainText(wrong.id as string);
    const customerBox = created.getByLabel('Cliente', { exact: true });
    await expect(customerBox).toHaveValue('');
    await customerBox.fill(meant.name as string);
    await created.getByTestId('fix-customer-hit').filter({ hasText: meant.code as string }).click();
    await expect(created.getByTestId('fix-customer-current')).toHaveText(`${meant.name as string} · ${meant.code as string}`);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'attention-es-PE-fix-customer');
    await created.getByTestId('retry').click();
    await expect(attention.empty).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(async () => {
        await observer.catchUp();
        const ticket = observer.latest('ticket', ticketId);
        return ticket === null ? null : { customerId: ticket.customerId, assigneeId: ticket.assigneeId };
      })
      .toEqual({ customerId: meant.id, assigneeId: null });

    // A remote session booked for a technician this computer does not know (a technician books only his own): kept, said to be not found.
    const target = await makeTicket(observer, { inArea: true, subject: `Sesión remota para la contadora ${Date.now() % 100_000}` });
    await deskHasTicket(api, target.id);
    const slot = await freeMorning(api, observer.all('visit'), me.id as string);
    const unknown = randomUUID();
    const booked = await api.value<{ entityId: string }>('edit.apply', { name: 'visit.book', args: { ticketId: target.id, technicianId: unknown, kind: 'remote', ...slot } });
    await expect(badge).toHaveText('1 requiere atención', { timeout: 30_000 });
    await badge.click();
    await attention.waitReady();
    const booking = attention.item('FORBIDDEN');
    await expect(booking.locator('.attention-item__title')).toHaveText('Reserva de visita');
    await booking.getByTestId('fix').click();
    const technician = booking.getByLabel('Técnico', { exact: true });
    await expect(technician).toHaveValue(unknown);
    await expect(technician.locator('option:checked')).toHaveText('(no encontrado en este equipo)');
    // Only technicians, by name, and no "nobody": a visit always has its technician.
    const options = await technician.locator('option').allInnerTexts();
    expect(options.slice(1).sort()).toEqual([...technicianNames].sort());
    expect(options).not.toContain('Sin asignar');
    for (const name of otherNames) expect(options).not.toContain(name);
    await expect(booking.getByTestId('fix-form')).not.toContainText(unknown);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'attention-es-PE-fix-technician');
    await technician.selectOption({ label: me.name as string });
    await expect(technician).toHaveValue(me.id as string);
    await booking.getByTestId('retry').click();
    await expect(attention.empty).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(async () => {
        await observer.catchUp();
        const visit = observer.latest('visit', booked.entityId);
        return visit === null ? null : { technicianId: visit.technicianId, startsAt: new Date(visit.startsAt as string).toISOString() };
      })
      .toEqual({ technicianId: me.id, startsAt: slot.startsAt });
  } finally {
    await api.close();
    await context.close();
  }
});

test('a refused assignment to someone this computer does not know: in English, picked by name and retried', async ({ browser, deskWithServer }) => {
  const observer = await observeServer(deskWithServer.serverUrl);
  const target = await makeTicket(observer, { inArea: true, subject: `Red lenta en almacén ${Date.now() % 100_000}` });
  const colleague = observer.all('user').find((u) => u.role === 'technician' && u.active === true && u.email !== DEMO_USERS.technician);
  if (!colleague) throw new Error('No second active technician on the server');
  const { page, context, shell } = await signedInConsole(browser, deskWithServer);
  const api = await connectDeskApi(deskWithServer);
  try {
    // Only dispatch assigns.
    await switchUser(page, DEMO_USERS.dispatcher);
    await shell.chooseLanguage('en');
    await deskHasTicket(api, target.id);
    const unknown = randomUUID();
    await api.value('edit.apply', { name: 'ticket.assign', args: { id: target.id, assigneeId: unknown } });
    const badge = page.getByTestId('attention-badge');
    await expect(badge).toHaveText('1 needs attention', { timeout: 30_000 });
    await badge.click();
    const attention = new AttentionScreen(page);
    await attention.waitReady();
    const item = attention.item('NOT_FOUND');
    await expect(item.locator('.attention-item__title')).toHaveText('Assignment');
    await item.getByTestId('fix').click();
    const assignee = item.getByLabel('Assigned to');
    await expect(assignee).toHaveValue(unknown);
    await expect(assignee.locator('option:checked')).toHaveText('(not found on this computer)');
    await expect(assignee.locator('option').first()).toHaveText('Unassigned');
    await expect(item.getByTestId('fix-form').getByRole('textbox')).toHaveCount(0);
    await expect(item.getByTestId('fix-form')).not.toContainText(unknown);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'attention-en-fix-assignee');
    await assignee.selectOption({ label: colleague.name as string });
    await expect(assignee).toHaveValue(colleague.id as string);
    await item.getByTestId('retry').click();
    await expect(attention.empty).toHaveText('All clear: the server accepted all your changes.', { timeout: 30_000 });
    await expect
      .poll(async () => {
        await observer.catchUp();
        return observer.latest('ticket', target.id)?.assigneeId;
      })
      .toBe(colleague.id);
  } finally {
    await shell.chooseLanguage('es-PE');
    // The sign-in screen shows in place of the Cola (not of the settings).
    await shell.goTo('queue');
    if ((await page.getByTestId('account').textContent())?.includes('Despachador')) await switchUser(page, DEMO_USERS.technician);
    await api.close();
    await context.close();
  }
});

/**
 * A technician's day on one ticket, end to end with the demo company on a
 * real server of record: find it by search, open it, move it to "En curso",
 * log 30 min of remote work with the timer (Playwright's fake clock moves
 * time, nobody waits 30 minutes) and 1 h on-site by hand on a date typed
 * day first (dd/mm/aaaa, whatever the browser's locale), write an internal
 * note, escalate it to on-site; everything checked on the server. A customer
 * outside Lima/Callao is flagged at once. A ticket is created for a
 * registered customer by email. Accessible and captured in both languages.
 */
import type { Locator, Page } from '@playwright/test';
import { addDays, formatDateEntry } from '../../src-renderer/src/i18n/date-entry.ts';
import { formatLongDate, limaDateOf } from '../../src-renderer/src/i18n/format.ts';
import { expect, expectNoSeriousA11yViolations, snap, test } from './fixtures.ts';
import { linesOfEach } from './pages/layout.ts';
import { QueueScreen } from './pages/queue-screen.ts';
import { inServiceArea, makeTicket, observeServer } from './pages/server-observer.ts';
import { signedInConsole } from './pages/signed-in.ts';
import { TicketScreen } from './pages/ticket-screen.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

/**
 * The date grid's keys: spoken as one sentence (the grid's description), shown as four key → action lines, each
 * on one line, so no separator is left dangling at a line's end.
 */
async function expectPickerKeys(page: Page, spoken: string): Promise<void> {
  await expect(page.getByTestId('time-date-picker').getByRole('grid')).toHaveAccessibleDescription(spoken);
  const actions = page.getByTestId('time-date-picker-keys').locator('dd');
  await expect(actions).toHaveCount(4);
  expect((await linesOfEach(actions)).map(Math.round)).toEqual([1, 1, 1, 1]);
}

/** Every balance meter of the customer card the same way: its name, then what is left on a line of its own, flush left. */
async function expectMetersStacked(customerCard: Locator): Promise<void> {
  const meters = await customerCard.locator('[data-level]').evaluateAll((elements) =>
    elements.map((meter) => {
      const title = meter.querySelector('.meter__title')?.getBoundingClientRect();
      const value = meter.querySelector('.meter__value')?.getBoundingClientRect();
      return title && value ? { below: value.top >= title.bottom - 0.5, flushLeft: Math.abs(value.left - title.left) < 0.5 } : null;
    }),
  );
  expect(meters.length).toBeGreaterThan(0);
  for (const meter of meters) expect(meter).toEqual({ below: true, flushLeft: true });
}

test('works a ticket: search, status, timer, manual time, note, escalation — and the server has it all', async ({ browser, deskWithServer }) => {
  const observer = await observeServer(deskWithServer.serverUrl);
  const target = await makeTicket(observer, { inArea: true, subject: `No imprime la boleta electrónica ${Date.now() % 100_000}` });
  const { page, context } = await signedInConsole(browser, deskWithServer, { fakeClock: true });
  try {
    const queue = new QueueScreen(page);
    await queue.showView('all');
    await queue.searchFor(target.subject);
    await expect(queue.row(target.number)).toBeVisible();
    await queue.row(target.number).click();
    const ticket = new TicketScreen(page);
    await ticket.waitReady(target.id);
    await expect(ticket.title).toContainText(`#${target.number}`);
    await expect(ticket.customerCard.locator('[data-level]').first()).toBeVisible();
    await expectMetersStacked(ticket.customerCard);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'ticket-es-PE-open');

    await ticket.changeStatus('in_progress');

    // The timer: remote work, running while the technician looks at the queue, 30 minutes later.
    await ticket.chooseWorkKind('remote');
    await expect(page.getByTestId('rounding-rule')).toHaveText('Remoto: se redondea hacia arriba a múltiplos de 15 min.');
    await ticket.timer.getByRole('button', { name: 'Iniciar' }).click();
    await expect(ticket.timer).toHaveAttribute('data-state', 'running');
    await page.keyboard.press('Escape');
    await queue.waitReady();
    await queue.row(target.number).click();
    await ticket.waitReady(target.id);
    await expect(ticket.timer).toHaveAttribute('data-state', 'running');
    await page.clock.fastForward('30:00');
    await expect(ticket.timer.getByRole('timer')).toHaveText(/^30:\d\d$/);
    await snap(page, 'ticket-es-PE-timer-running');
    await ticket.timer.getByRole('button', { name: 'Detener' }).click();
    await expect(ticket.duration).toHaveValue('30 min');
    await expect(ticket.timePreview).toContainText('Se registrará: 30 min (remoto).');
    await ticket.logTime();
    await expect(ticket.thread.getByTestId('thread-time').filter({ hasText: '30 min remoto' })).toBeVisible();

    // By hand: on-site, with the rounding rule shown and applied.
    await ticket.chooseWorkKind('onsite');
    await expect(page.getByTestId('rounding-rule')).toHaveText('En sitio: se redondea hacia arriba a múltiplos de 30 min.');
    await ticket.duration.fill('45 min');
    await expect(ticket.timePreview).toHaveText('45 min se registran como 1 h (en sitio).');
    await ticket.duration.fill('1 h');
    await expect(ticket.timePreview).toHaveText('Se registrará: 1 h (en sitio).');

    // The work date, day first as written in Peru: today by default; a day that does not exist or a future one is
    // refused with the reason; the month grid picks by keyboard; yesterday typed by hand is what the server gets.
    const today = limaDateOf(new Date(await page.evaluate(() => Date.now())));
    const yesterday = addDays(today, -1);
    await expect(ticket.workDate).toHaveAttribute('placeholder', 'dd/mm/aaaa');
    await expect(ticket.workDate).toHaveValue(formatDateEntry(today));
    await expect(ticket.workDateHelp).toHaveText(`Hoy, ${formatLongDate(today, 'es-PE')}.`);
    await ticket.workDate.fill('31/02/2026');
    await expect(ticket.workDateHelp).toHaveText('Esa fecha no existe en el calendario. Revise el día y el mes (dd/mm/aaaa).');
    await expect(ticket.workDate).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('log-time')).toBeDisabled();
    await ticket.workDate.fill(formatDateEntry(addDays(today, 1)));
    await expect(ticket.workDateHelp).toHaveText(`No puede ser una fecha futura: hoy es ${formatDateEntry(today)}.`);
    await expect(page.getByTestId('log-time')).toBeDisabled();
    await ticket.workDate.fill('23 del 11');
    await ticket.workDate.press('Tab');
    await expect(ticket.workDateHelp).toHaveText(`No se entiende la fecha. Escríbala como dd/mm/aaaa, por ejemplo ${formatDateEntry(today)}.`);

    await ticket.openWorkDatePicker();
    await expect(page.getByRole('dialog', { name: 'Fecha del trabajo: elegir en el calendario' })).toBeVisible();
    // The grid opens under the help line: what is wrong with the date stays readable while choosing.
    await expect(ticket.workDateHelp).toBeVisible();
    const helpBox = await ticket.workDateHelp.boundingBox();
    const pickerBox = await ticket.workDatePicker.boundingBox();
    expect(helpBox && pickerBox && pickerBox.y >= helpBox.y + helpBox.height).toBe(true);
    await expect(ticket.workDatePicker.locator(`button[data-date="${today}"]`)).toBeFocused();
    await expect(ticket.workDatePicker.locator(`button[data-date="${addDays(today, 1)}"]`)).toBeDisabled();
    await expectPickerKeys(page, 'Flechas: día y semana. Re Pág y Av Pág: mes. Enter: elegir. Esc: cerrar.');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'ticket-es-PE-date-picker');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(ticket.workDatePicker).toBeHidden();
    await expect(ticket.workDate).toBeFocused();
    await expect(ticket.workDate).toHaveValue(formatDateEntry(addDays(today, -2)));
    await expect(ticket.workDateHelp).toHaveText(`${formatLongDate(addDays(today, -2), 'es-PE')}.`);
    // Escape closes the grid only: the technician stays on the ticket.
    await ticket.openWorkDatePicker();
    await page.keyboard.press('Escape');
    await expect(ticket.workDatePicker).toBeHidden();
    await expect(ticket.root).toBeVisible();

    const [year, month, day] = yesterday.split('-');
    await ticket.workDate.fill(`${Number(day)}/${Number(month)}/${year}`);
    await ticket.workDate.press('Tab');
    await expect(ticket.workDate).toHaveValue(formatDateEntry(yesterday));
    await expect(ticket.workDateHelp).toHaveText(`Ayer, ${formatLongDate(yesterday, 'es-PE')}.`);
    await expect(page.getByTestId('log-time')).toBeEnabled();
    await snap(page, 'ticket-es-PE-time-manual');
    await ticket.logTime();
    await expect(ticket.thread.getByTestId('thread-time').filter({ hasText: '1 h en sitio' })).toBeVisible();

    const note = 'Se reinstaló el controlador de la impresora; el error 0x00000709 ya no aparece.';
    await ticket.write('note', note);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'ticket-es-PE-after-work');

    // Escalation takes the customer's district, checked against the service area.
    await ticket.escalateButton.click();
    await expect(ticket.escalateDialog).toBeVisible();
    await expect(page.getByTestId('onsite-check')).toHaveAttribute('data-state', 'in');
    await expect(page.getByTestId('onsite-check')).toContainText('dentro del área de servicio');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'ticket-es-PE-escalate');
    await page.getByTestId('escalate-confirm').click();
    await expect(ticket.escalateDialog).toBeHidden();
    await expect(ticket.root).toHaveAttribute('data-status', 'onsite_pending');
    await expect(page.getByTestId('onsite-location')).toBeVisible();

    // The server of record holds every edit.
    await expect
      .poll(
        async () => {
          await observer.catchUp();
          const row = observer.latest('ticket', target.id);
          const times = observer.all('timeEntry').filter((e) => e.ticketId === target.id).map((e) => `${e.minutes as number} ${e.kind as string} ${e.workDate as string}`);
          const notes = observer.all('ticketEvent').filter((e) => e.ticketId === target.id && e.kind === 'note').map((e) => e.body);
          return { status: row?.status, district: row?.onsiteDistrictUbigeo, remote: times.some((t) => t.startsWith('30 remote ')), onsite: times.includes(`60 onsite ${yesterday}`), note: notes.includes(note) };
        },
        { timeout: 60_000 },
      )
      .toEqual({ status: 'onsite_pending', district: target.districtUbigeo, remote: true, onsite: true, note: true });
  } finally {
    await context.close();
  }
});

test('a phone request from a customer outside Lima and Callao: flagged at once, escalation refused with the reason', async ({ browser, deskWithServer }) => {
  const observer = await observeServer(deskWithServer.serverUrl);
  await observer.catchUp();
  const customer = observer.all('customer').find((c) => c.active === true && !inServiceArea(c.districtUbigeo as string));
  if (!customer) throw new Error('The demo company has no active customer outside the service area');
  const { page, context } = await signedInConsole(browser, deskWithServer);
  try {
    const queue = new QueueScreen(page);
    await queue.waitReady();
    await page.getByTestId('new-ticket').click();
    const dialog = page.getByTestId('new-ticket-dialog');
    await expect(dialog.getByLabel('Teléfono', { exact: true })).toBeChecked();
    await page.getByTestId('nt-customer-search').fill(customer.name as string);
    await page.getByTestId('nt-customer-hit').filter({ hasText: customer.code as string }).click();
    await expect(page.getByTestId('nt-customer')).toContainText(customer.name as string);
    await dialog.getByLabel('Nombre de quien llama o escribe').fill('Gerencia de planta');
    await page.getByTestId('nt-subject').fill('La balanza de despacho no envía pesos al sistema');
    await dialog.getByLabel('Equipo afectado').fill('Balanza Mettler IND570');
    await dialog.getByLabel('Frecuencia').selectOption('always');
    await snap(page, 'ticket-es-PE-new-by-phone');
    await page.getByTestId('nt-create').click();
    const ticket = new TicketScreen(page);
    await ticket.waitReady();
    await expect(page.getByTestId('outside-area')).toContainText('Fuera del área de servicio en sitio');
    await expect(page.getByTestId('outside-area')).toContainText('fuera del área de servicio');
    await ticket.escalateButton.click();
    await expect(page.getByTestId('onsite-check')).toHaveAttribute('data-state', 'out');
    await expect(page.getByTestId('onsite-blocked')).toContainText('No se puede escalar a visita en sitio.');
    await expect(page.getByTestId('escalate-confirm')).toBeDisabled();
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'ticket-es-PE-outside-area');
    await page.keyboard.press('Escape');
    await expect(ticket.escalateDialog).toBeHidden();
    await expect(ticket.root).toHaveAttribute('data-status', 'new');
  } finally {
    await context.close();
  }
});

test('creates a ticket for a registered customer by email, only from a registered address', async ({ browser, deskWithServer }) => {
  const observer = await observeServer(deskWithServer.serverUrl);
  await observer.catchUp();
  const customer = observer.all('customer').find((c) => c.active === true && (c.emails as string[]).length > 1);
  if (!customer) throw new Error('The demo company has no active customer with two registered emails');
  const emails = customer.emails as string[];
  const { page, context } = await signedInConsole(browser, deskWithServer);
  try {
    const queue = new QueueScreen(page);
    await queue.waitReady();
    await page.locator('main').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('n');
    const dialog = page.getByTestId('new-ticket-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Correo', { exact: true }).check({ force: true });
    await page.getByTestId('nt-customer-search').fill(customer.name as string);
    await page.getByTestId('nt-customer-hit').filter({ hasText: customer.name as string }).first().click();
    await expect(page.getByTestId('nt-customer')).toContainText(customer.name as string);
    await expect(page.getByTestId('nt-email').locator('option')).toHaveText(emails);
    await page.getByTestId('nt-email').selectOption(emails[1] ?? '');
    const subject = `No sincroniza el correo en el celular ${Date.now() % 100_000}`;
    await page.getByTestId('nt-subject').fill(subject);
    await dialog.getByLabel('Mensaje de error').fill('0x800CCC0E: no se pudo conectar con el servidor');
    await dialog.getByLabel('Frecuencia').selectOption('sometimes');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'ticket-es-PE-new-by-email');
    await page.getByTestId('nt-create').click();
    const ticket = new TicketScreen(page);
    await ticket.waitReady();
    await expect(ticket.title).toContainText(subject);
    const id = await ticket.ticketId();
    // The server numbers it when it arrives.
    await expect(ticket.title).toContainText(/#\d+/, { timeout: 60_000 });
    await expect
      .poll(async () => {
        await observer.catchUp();
        const row = observer.latest('ticket', id);
        return row === null ? null : { channel: row.channel, requesterEmail: row.requesterEmail, frequency: row.frequency, assigneeId: row.assigneeId !== null };
      })
      .toEqual({ channel: 'email', requesterEmail: emails[1], frequency: 'sometimes', assigneeId: true });
  } finally {
    await context.close();
  }
});

test('the ticket workspace in English', async ({ browser, deskWithServer }) => {
  const observer = await observeServer(deskWithServer.serverUrl);
  const made = await makeTicket(observer, { inArea: true, subject: `Lentitud en el ERP ${Date.now() % 100_000}` });
  expect(await observer.push('ticket.setStatus', { id: made.id, status: 'in_progress' })).toMatchObject({ status: 'applied' });
  const target = made;
  const { page, context, shell } = await signedInConsole(browser, deskWithServer);
  try {
    await shell.chooseLanguage('en');
    await page.goto(`${deskWithServer.origin}/#/ticket/${target.id}`);
    await shell.waitReady();
    const ticket = new TicketScreen(page);
    await ticket.waitReady(target.id);
    await expect(shell.title).toHaveText(`Ticket #${target.number}`);
    await expect(page.getByTestId('rounding-rule')).toHaveText('Remote: rounded up to multiples of 15 min.');
    await expect(ticket.customerCard.locator('[data-level]').first()).toBeVisible();
    await expectMetersStacked(ticket.customerCard);
    await snap(page, 'ticket-en-customer');
    // Dates are typed day first in English too: the same keys mean the same day in either language.
    const today = limaDateOf(new Date(await page.evaluate(() => Date.now())));
    await expect(ticket.workDate).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    await expect(ticket.workDate).toHaveValue(formatDateEntry(today));
    await expect(ticket.workDateHelp).toHaveText(`Today, ${formatLongDate(today, 'en')}.`);
    await ticket.workDate.fill('31/11/2026');
    await expect(ticket.workDateHelp).toHaveText('That date does not exist. Check the day and the month (dd/mm/yyyy).');
    await ticket.openWorkDatePicker();
    await expect(page.getByRole('dialog', { name: 'Date of the work: pick from the calendar' })).toBeVisible();
    await expect(ticket.workDatePicker.getByRole('button', { name: 'Previous month' })).toBeVisible();
    await expectPickerKeys(page, 'Arrows: day and week. Page Up and Page Down: month. Enter: pick. Escape: close.');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'ticket-en-date-picker');
    await page.keyboard.press('Enter');
    await expect(ticket.workDate).toHaveValue(formatDateEntry(today));
    // Escape leaves the field (a second one would leave the ticket), so the ticket's keys work again.
    await page.keyboard.press('Escape');
    await expect(ticket.workDate).not.toBeFocused();
    await expect(page.getByRole('heading', { name: 'Conversation and history' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'ticket-en-open');
    await page.keyboard.press('i');
    await expect(ticket.composer).toHaveAttribute('data-mode', 'note');
    await expect(ticket.composer.locator('textarea')).toBeFocused();
    await snap(page, 'ticket-en-note-composer');
    await page.keyboard.press('Escape');
    await ticket.escalateButton.click();
    await expect(page.getByTestId('onsite-check')).toHaveAttribute('data-state', 'in');
    await expect(page.getByTestId('onsite-check')).toContainText('is inside the service area');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'ticket-en-escalate');
    await page.keyboard.press('Escape');
    await expect(ticket.escalateDialog).toBeHidden();
  } finally {
    await shell.chooseLanguage('es-PE');
    await context.close();
  }
});

/**
 * The Cola as a technician works it, over the browser bridge with the demo
 * company on a real server of record: views with counts, search, filters,
 * order, a saved view, the virtualized grid paging as it scrolls, the rank
 * explanation, keyboard (j/k, Enter, x, /, ?, Ctrl+K), bulk changes, and
 * Escape back from a ticket to the same place. Accessible and captured in
 * both languages.
 */
import { DEMO_USERS, expect, expectNoSeriousA11yViolations, snap, test } from './fixtures.ts';
import { heightOf, linesOf } from './pages/layout.ts';
import { QueueScreen } from './pages/queue-screen.ts';
import { inServiceArea, makeTicket, observeServer } from './pages/server-observer.ts';
import { signedInConsole, switchUser } from './pages/signed-in.ts';
import { TicketScreen } from './pages/ticket-screen.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

test('views with counts, search, filters and order; the grid keeps only the rows in view and pages as it scrolls', async ({ browser, deskWithServer }) => {
  const { page, context } = await signedInConsole(browser, deskWithServer);
  try {
    const queue = new QueueScreen(page);
    await queue.showView('all');
    const total = Number(await queue.root.getAttribute('data-total'));
    expect(total).toBeGreaterThan(100);
    await expect(page.getByTestId('count-all')).toHaveText(new Intl.NumberFormat('es-PE').format(total));
    for (const view of ['mine', 'unassigned', 'onsite_pending', 'waiting_customer'] as const) {
      await expect(page.getByTestId(`count-${view}`)).toHaveText(/^\d[\d,]*$/);
    }

    // Only the rows in view are in the DOM, whatever the total.
    const rendered = await queue.rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    await expect(queue.total).toHaveText(/cargados$/);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-es-PE-all');

    // Scrolling to the end of what is loaded asks the desk for the next page.
    const loadedBefore = Number((await queue.total.textContent())?.match(/^([\d,]+)/)?.[1]?.replace(/,/g, ''));
    await queue.grid.focus();
    await page.keyboard.press('End');
    await expect
      .poll(async () => Number((await queue.total.textContent())?.match(/^([\d,]+)/)?.[1]?.replace(/,/g, '') ?? total))
      .toBeGreaterThan(loadedBefore);

    // The rank badge explains itself on hover.
    await page.keyboard.press('Home');
    const badge = queue.rows.first().getByTestId('rank-badge');
    await expect(badge.locator('[aria-hidden="true"]')).toHaveText(/^P([1-9]|1[0-6])$/);
    await badge.hover();
    await expect(page.getByTestId('tooltip')).toContainText(/^Por qué va en este lugar: P\d+: urgencia /);
    await snap(page, 'queue-es-PE-rank-tooltip');
    await page.mouse.move(0, 0);

    // Filters: urgency crítica only.
    await page.getByTestId('filter-urgency').getByRole('button').click();
    await page.getByRole('group', { name: 'Urgencia' }).getByLabel('Crítica').check();
    await expect(queue.root).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('filter-urgency').getByRole('button')).toHaveText('Urgencia: Crítica');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-es-PE-filter-open');
    await page.keyboard.press('Escape');
    await expect(queue.rows.first()).toBeVisible();
    for (const cell of await queue.grid.locator('.qgrid__cell--urgency').allTextContents()) {
      if (cell !== 'Urgencia') expect(cell).toBe('Crítica');
    }
    await page.getByTestId('clear-filters').click();

    // Open work first (P1…P16), finished tickets last with a dash: they are out of the active queue.
    await page.getByTestId('filter-status').getByRole('button').click();
    const statusMenu = page.getByRole('group', { name: 'Estado' });
    await statusMenu.getByLabel('Nuevo').check();
    await statusMenu.getByLabel('Resuelto').check();
    await page.keyboard.press('Escape');
    await expect(queue.root).toHaveAttribute('data-state', 'ready');
    await expect(queue.rows.first().getByTestId('rank-badge').locator('[aria-hidden="true"]')).toHaveText(/^P([1-9]|1[0-6])$/);
    await snap(page, 'queue-es-PE-open-and-finished');
    await queue.grid.focus();
    await page.keyboard.press('End');
    const lastBadge = queue.rows.last().getByTestId('rank-badge');
    await expect(lastBadge.locator('[aria-hidden="true"]')).toHaveText('—');
    await expect(lastBadge.locator('.sr-only')).toHaveText('Sin prioridad: caso terminado. Resuelto: fuera de la cola activa');
    await page.keyboard.press('Home');
    await page.getByTestId('clear-filters').click();

    // Waiting on the customer: the level still shows, outlined and paused, and says why it goes after open work.
    await page.getByTestId('filter-status').getByRole('button').click();
    await page.getByRole('group', { name: 'Estado' }).getByLabel('Esperando al cliente').check();
    await page.keyboard.press('Escape');
    await expect(queue.root).toHaveAttribute('data-state', 'ready');
    const waitingBadge = queue.rows.first().getByTestId('rank-badge');
    await expect(waitingBadge).toHaveAttribute('data-band', '1');
    await expect(waitingBadge.locator('[aria-hidden="true"]').last()).toHaveText(/^P([1-9]|1[0-6])$/);
    await expect(waitingBadge.locator('.sr-only')).toContainText(/^Prioridad P\d+, en espera\. P\d+: .*Esperando al cliente: va después de los casos que esperan a nuestro equipo/);
    await page.getByTestId('clear-filters').click();

    // Order by number, newest first.
    await page.getByTestId('queue-sort').selectOption('number');
    await expect(queue.root).toHaveAttribute('data-state', 'ready');
    const numbers = (await queue.rows.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-number'))))).slice(0, 10);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await page.getByTestId('queue-sort').selectOption('priority');
  } finally {
    await context.close();
  }
});

test('keyboard: j/k move and explain, x selects, Enter opens, Escape returns to the same place; / searches; ? and Ctrl+K', async ({ browser, deskWithServer }) => {
  const { page, context, shell } = await signedInConsole(browser, deskWithServer);
  try {
    const queue = new QueueScreen(page);
    await queue.showView('all');
    await page.getByTestId('queue-sort').selectOption('newest');
    await expect(queue.root).toHaveAttribute('data-state', 'ready');
    // The explanation under the grid always takes two lines, whatever it says, so the grid never changes height.
    const gridHeight = await heightOf(queue.grid);
    expect(await linesOf(queue.explanation)).toBeCloseTo(2, 2);

    await page.keyboard.press('j');
    await expect(queue.grid).toBeFocused();
    const firstId = await queue.rows.first().getAttribute('data-ticket-id');
    await expect(queue.grid).toHaveAttribute('aria-activedescendant', `queue-row-${firstId}`);
    await expect(queue.explanation).toContainText(/^#\d+ · Por qué va en este lugar: P\d+: urgencia /);
    await expect(queue.explanation).toHaveAttribute('title', /^#\d+ · Por qué va en este lugar: P\d+: urgencia /);
    expect(await linesOf(queue.explanation)).toBeCloseTo(2, 2);
    expect(await heightOf(queue.grid)).toBe(gridHeight);
    await snap(page, 'queue-es-PE-explanation');

    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect(page.getByTestId('bulk-count')).toHaveText('2 seleccionados');
    await expect(queue.rows.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(queue.rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    const selectingHeight = await heightOf(queue.grid);

    // Down the list far enough to scroll, then into a ticket and back.
    for (let i = 0; i < 18; i += 1) await page.keyboard.press('j');
    // The grid names the row once it is drawn in the scrolled window.
    await expect(queue.grid).toHaveAttribute('aria-activedescendant', /^queue-row-/);
    const activeId = (await queue.grid.getAttribute('aria-activedescendant'))?.replace('queue-row-', '') ?? '';
    const scrollTop = await queue.grid.evaluate((element) => element.scrollTop);
    expect(scrollTop).toBeGreaterThan(0);
    expect(await linesOf(queue.explanation)).toBeCloseTo(2, 2);
    expect(await heightOf(queue.grid)).toBe(selectingHeight);
    await snap(page, 'queue-es-PE-keyboard-selection');
    await page.keyboard.press('Enter');
    const ticket = new TicketScreen(page);
    await ticket.waitReady(activeId);
    await page.keyboard.press('Escape');
    await queue.waitReady();
    await expect(queue.grid).toHaveAttribute('aria-activedescendant', `queue-row-${activeId}`);
    await expect(page.getByTestId('bulk-count')).toHaveText('2 seleccionados');
    expect(Math.abs((await queue.grid.evaluate((element) => element.scrollTop)) - scrollTop)).toBeLessThanOrEqual(2);
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Quitar selección' }).click();

    // "/" goes to the search; the grid then shows what matches, fewer tickets than before.
    const totalBefore = Number(await queue.root.getAttribute('data-total'));
    const target = queue.rows.nth(3);
    const targetId = (await target.getAttribute('data-ticket-id')) ?? '';
    const subject = (await target.locator('.subject').textContent()) ?? '';
    const words = subject.split(/\s+/).filter((w) => w.length > 3).slice(0, 2).join(' ');
    await queue.grid.focus();
    await page.keyboard.press('/');
    await expect(queue.search).toBeFocused();
    await page.keyboard.type(words);
    await expect.poll(async () => Number(await queue.root.getAttribute('data-total'))).toBeLessThan(totalBefore);
    await expect(queue.grid.locator(`[data-ticket-id="${targetId}"]`)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-es-PE-search');
    await queue.search.press('Escape');
    await expect(queue.search).toHaveValue('');

    // "?" lists the keys of every place.
    await page.locator('main').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcuts-dialog');
    await expect(help).toBeVisible();
    await expect(help).toContainText('Bajar / subir en la cola');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-es-PE-shortcuts');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // Ctrl+K: a ticket by number.
    const number = await queue.firstRowNumber();
    await page.keyboard.press('Control+k');
    const palette = page.getByTestId('command-palette');
    await expect(palette).toBeVisible();
    await expect(page.getByTestId('palette-input')).toBeFocused();
    await page.keyboard.type(`#${number}`);
    await expect(palette.locator('[role="option"]').first()).toContainText(`Abrir #${number} ·`);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-es-PE-palette');
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(ticket.title).toContainText(`#${number}`);
    await expect(shell.title).toHaveText(`Ticket #${number}`);
  } finally {
    await context.close();
  }
});

test('bulk status (refusals explained ticket by ticket) and, for dispatch, bulk assign', async ({ browser, deskWithServer }) => {
  // Fresh new, unassigned tickets: specs share the worker's server and use up the demo company's.
  const observer = await observeServer(deskWithServer.serverUrl);
  for (const n of [1, 2, 3]) await makeTicket(observer, { inArea: true, subject: `Sin asignar para despacho ${n} ${Date.now() % 100_000}` });
  // And a closed one newer than any other, so a closed ticket is on the first screen sorted by number
  // (however many new tickets earlier specs left on the shared server).
  const closed = await makeTicket(observer, { inArea: true, subject: `Cerrado para la prueba ${Date.now() % 100_000}` });
  for (const status of ['resolved', 'closed']) expect(await observer.push('ticket.setStatus', { id: closed.id, status })).toMatchObject({ status: 'applied' });
  const { page, context } = await signedInConsole(browser, deskWithServer);
  try {
    const queue = new QueueScreen(page);
    await queue.showView('all');
    await page.getByTestId('filter-status').getByRole('button').click();
    const statusMenu = page.getByRole('group', { name: 'Estado' });
    await statusMenu.getByLabel('Nuevo').check();
    await statusMenu.getByLabel('Cerrado').check();
    await page.keyboard.press('Escape');
    await page.getByTestId('queue-sort').selectOption('number');
    await expect(queue.root).toHaveAttribute('data-state', 'ready');

    // "Select all" takes every ticket loaded (not only the rows drawn), and gives them back.
    const loaded = Number((await queue.total.textContent())?.match(/^([\d,]+)/)?.[1]?.replace(/,/g, ''));
    expect(loaded).toBeGreaterThan(2);
    const selectAll = queue.grid.getByLabel('Seleccionar los tickets cargados');
    await selectAll.check();
    await expect(page.getByTestId('bulk-count')).toHaveText(`${loaded} seleccionados`);
    await expect(queue.rows.first()).toHaveAttribute('aria-selected', 'true');
    await selectAll.uncheck();
    await expect(page.getByTestId('bulk-count')).toHaveCount(0);
    await expect(queue.rows.first()).toHaveAttribute('aria-selected', 'false');

    const newRow = queue.grid.locator('[role="row"][data-status="new"]').first();
    const closedRow = queue.grid.locator('[role="row"][data-status="closed"]').first();
    await newRow.locator('input[type="checkbox"]').check();
    await closedRow.locator('input[type="checkbox"]').check();
    await expect(page.getByTestId('bulk-count')).toHaveText('2 seleccionados');
    const closedNumber = await closedRow.getAttribute('data-number');

    await page.locator('#bulk-status').selectOption('in_progress');
    await page.getByTestId('bulk-status-apply').click();
    const outcome = page.getByTestId('bulk-outcome');
    await expect(outcome).toContainText('1 ticket actualizado.');
    await expect(outcome).toContainText('1 no se pudo cambiar:');
    await expect(outcome).toContainText(`#${closedNumber}:`);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-es-PE-bulk-outcome');
    // The refused ticket stays selected, to deal with it next.
    await expect(page.getByTestId('bulk-count')).toHaveText('1 seleccionado');
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Quitar selección' }).click();
    await outcome.getByRole('button', { name: 'Cerrar' }).click();

    // Assigning is for dispatch (DESIGN.md §1): a technician's bulk bar offers status only.
    await expect(page.locator('#bulk-assignee')).toHaveCount(0);
    await page.getByTestId('clear-filters').click();

    // As the dispatcher: two unassigned tickets to me, and they show in "Mis tickets".
    await switchUser(page, DEMO_USERS.dispatcher);
    await queue.showView('unassigned');
    const unassigned = await queue.rows.evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-ticket-id') ?? ''));
    expect(unassigned.length).toBeGreaterThan(0);
    for (const id of unassigned) await queue.grid.locator(`[data-ticket-id="${id}"] input[type="checkbox"]`).check();
    await page.locator('#bulk-assignee').selectOption('me');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-es-PE-bulk-dispatcher');
    await page.getByTestId('bulk-assign-apply').click();
    await expect(page.getByTestId('bulk-outcome')).toContainText(unassigned.length === 1 ? '1 ticket actualizado.' : '2 tickets actualizados.');
    await queue.showView('mine');
    for (const id of unassigned) await expect(queue.grid.locator(`[data-ticket-id="${id}"]`)).toBeVisible();
    // The server agrees: nothing lands in Needs attention.
    await expect(page.getByTestId('pending-edits')).toHaveText('Sin cambios pendientes', { timeout: 30_000 });
    await expect(page.getByTestId('attention-badge')).toHaveCount(0);
  } finally {
    if ((await page.getByTestId('account').textContent())?.includes('Despachador')) await switchUser(page, DEMO_USERS.technician);
    await context.close();
  }
});

test('saves the current filters as a named view and brings them back', async ({ browser, deskWithServer }) => {
  const { page, context } = await signedInConsole(browser, deskWithServer);
  try {
    const queue = new QueueScreen(page);
    await queue.showView('all');
    await page.getByTestId('filter-urgency').getByRole('button').click();
    await page.getByRole('group', { name: 'Urgencia' }).getByLabel('Crítica').check();
    await page.keyboard.press('Escape');
    await page.getByTestId('save-view').click();
    const dialog = page.getByTestId('save-view-dialog');
    await dialog.getByLabel('Nombre de la vista').fill('Críticas de todos');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-es-PE-save-view');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    const saved = page.getByTestId('saved-views').getByRole('button', { name: 'Críticas de todos', exact: true });
    await expect(saved).toHaveAttribute('aria-pressed', 'true');

    // Filters stay while moving between views; the saved view brings back the whole set.
    await page.getByTestId('clear-filters').click();
    await queue.showView('mine');
    await expect(page.getByTestId('filter-urgency').getByRole('button')).toHaveText('Urgencia');
    await saved.click();
    await expect(queue.root).toHaveAttribute('data-view', 'all');
    await expect(page.getByTestId('filter-urgency').getByRole('button')).toHaveText('Urgencia: Crítica');
    await snap(page, 'queue-es-PE-saved-view');

    await page.getByRole('button', { name: 'Eliminar la vista «Críticas de todos»' }).click();
    await expect(saved).toBeHidden();
    await page.getByTestId('clear-filters').click();
  } finally {
    await context.close();
  }
});

test('the Cola in English: views, grid, filters and palette', async ({ browser, deskWithServer }) => {
  const { page, context, shell } = await signedInConsole(browser, deskWithServer);
  try {
    await shell.chooseLanguage('en');
    await shell.goTo('queue');
    const queue = new QueueScreen(page);
    await queue.showView('all');
    await expect(queue.viewButton('mine')).toContainText('My tickets');
    await expect(queue.grid.getByRole('columnheader', { name: 'Subject' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-en-all');
    await page.getByTestId('filter-status').getByRole('button').click();
    await expect(page.getByRole('group', { name: 'Status' }).getByLabel('Waiting for customer')).toBeVisible();
    await snap(page, 'queue-en-filter-open');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('view');
    await expect(page.getByTestId('palette-list')).toContainText('Go to the My tickets view');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-en-palette');
    await page.keyboard.press('Escape');
    await queue.rows.first().locator('input[type="checkbox"]').check();
    await expect(page.getByTestId('bulk-count')).toHaveText('1 selected');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-en-bulk');
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Clear selection' }).click();
    await page.locator('main').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-dialog')).toContainText('Move down / up the queue');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-en-shortcuts');
    await page.keyboard.press('Escape');
    await page.getByTestId('new-ticket').click();
    await expect(page.getByTestId('new-ticket-dialog')).toContainText('For requests a registered customer made by phone or email.');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-en-new-ticket');
    await page.keyboard.press('Escape');
  } finally {
    await shell.chooseLanguage('es-PE');
    await context.close();
  }
});

test('a ticket assigned by dispatch shows a notice that opens it; desktop notices are offered once, politely', async ({ browser, deskWithServer }) => {
  const observer = await observeServer(deskWithServer.serverUrl);
  await observer.catchUp();
  const me = observer.all('user').find((u) => u.email === DEMO_USERS.technician);
  const customers = new Map(observer.all('customer').map((c) => [c.id as string, c]));
  const target = observer
    .all('ticket')
    .find((t) => t.assigneeId !== me?.id && t.number !== null && (t.status === 'new' || t.status === 'in_progress') && inServiceArea((customers.get(t.customerId as string)?.districtUbigeo as string | undefined) ?? ''));
  if (!me || !target) throw new Error('The demo company has no open ticket of someone else to hand to the technician');
  const { page, context } = await signedInConsole(browser, deskWithServer);
  try {
    const queue = new QueueScreen(page);
    await queue.waitReady();
    expect(await observer.push('ticket.assign', { id: target.id, assigneeId: me.id })).toMatchObject({ status: 'applied' });
    const notice = page.getByTestId('assigned-notice');
    await expect(notice).toContainText(`Le asignaron el ticket #${target.number as number}`, { timeout: 30_000 });
    await expect(notice).toContainText(target.subject as string);
    const ask = page.getByTestId('notify-permission');
    await expect(ask).toContainText('¿Quiere recibir avisos de escritorio cuando le asignen un ticket?');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'queue-es-PE-assigned-notice');
    await ask.getByRole('button', { name: 'Ahora no' }).click();
    await expect(ask).toBeHidden();
    await notice.getByRole('button', { name: 'Abrir' }).click();
    await new TicketScreen(page).waitReady(target.id as string);
    await expect(notice).toBeHidden();
  } finally {
    await context.close();
  }
});

test('opening a ticket: a slow read shows the workspace loading, then the ticket; a failed one its error and Retry; Escape returns to the row', async ({ browser, deskWithServer }) => {
  const { page, context } = await signedInConsole(browser, deskWithServer);
  try {
    // The desk's answers to ticket.get pass through the test: held until released, or replaced by an error.
    let mode: 'pass' | 'hold' | 'fail' = 'pass';
    const held: Array<() => void> = [];
    // The ticket ids of every ticket.get the console sends.
    const reads: string[] = [];
    await page.routeWebSocket(/\/desk\?/, (ws) => {
      const server = ws.connectToServer();
      const holding = new Set<number>();
      ws.onMessage((message) => {
        const call = JSON.parse(String(message)) as { type: string; id: number; name: string; input?: { id?: string } };
        if (call.type === 'call' && call.name === 'ticket.get') reads.push(call.input?.id ?? '');
        if (call.type === 'call' && call.name === 'ticket.get' && mode === 'fail') {
          ws.send(JSON.stringify({ type: 'result', id: call.id, result: { ok: false, error: { code: 'DESK_UNAVAILABLE', message: 'El escritorio no responde.' } } }));
          return;
        }
        if (call.type === 'call' && call.name === 'ticket.get' && mode === 'hold') holding.add(call.id);
        server.send(message);
      });
      server.onMessage((message) => {
        const reply = JSON.parse(String(message)) as { type: string; id?: number };
        if (reply.type === 'result' && reply.id !== undefined && holding.delete(reply.id)) held.push(() => ws.send(message));
        else ws.send(message);
      });
    });
    await page.reload();
    const queue = new QueueScreen(page);
    await queue.showView('all');
    await queue.waitReady();
    const ticket = new TicketScreen(page);

    // Slow: the click does not leave the technician looking at a Cola that ignores it.
    mode = 'hold';
    const slowId = (await queue.rows.nth(2).getAttribute('data-ticket-id')) ?? '';
    await queue.rows.nth(2).click();
    await expect(ticket.root).toHaveAttribute('data-state', 'loading');
    await expect(page.getByRole('status').filter({ hasText: 'Cargando el ticket…' })).toBeVisible();
    await expect.poll(() => held.length).toBeGreaterThan(0);
    mode = 'pass';
    for (const release of held.splice(0)) release();
    await ticket.waitReady(slowId);
    await expect(ticket.title).not.toBeEmpty();
    await page.keyboard.press('Escape');
    await queue.waitReady();
    await expect(queue.grid.locator(`[data-ticket-id="${slowId}"]`)).toHaveClass(/is-active/);

    // Failed: the error, and Retry reads again.
    mode = 'fail';
    const failedId = (await queue.rows.nth(3).getAttribute('data-ticket-id')) ?? '';
    await queue.rows.nth(3).click();
    await expect(ticket.root).toHaveAttribute('data-state', 'error');
    await expect(ticket.root).toContainText('No se pudo abrir el ticket');
    mode = 'pass';
    await ticket.root.getByRole('button', { name: 'Reintentar' }).click();
    await ticket.waitReady(failedId);
    await page.keyboard.press('Escape');
    await queue.waitReady();
    await expect(queue.grid.locator(`[data-ticket-id="${failedId}"]`)).toHaveClass(/is-active/);

    // A press on a row already asks for its ticket; the click then opens it with that one read.
    mode = 'hold';
    const pressedId = (await queue.rows.nth(4).getAttribute('data-ticket-id')) ?? '';
    const box = await queue.rows.nth(4).boundingBox();
    if (box === null) throw new Error('row 5 is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await expect.poll(() => reads.filter((id) => id === pressedId).length).toBe(1);
    await expect(queue.root).toHaveAttribute('data-state', 'ready');
    await page.mouse.up();
    mode = 'pass';
    for (const release of held.splice(0)) release();
    await ticket.waitReady(pressedId);
    expect(reads.filter((id) => id === pressedId)).toHaveLength(1);
    await page.keyboard.press('Escape');
    await queue.waitReady();

    // Back and forward reopen the ticket.
    await page.goBack();
    await ticket.waitReady(pressedId);
    await page.goForward();
    await queue.waitReady();
  } finally {
    await context.close();
  }
});

/** Page model of the ticket workspace: header moves, details, thread, composer, time, on-site. */
import { expect, type Locator, type Page } from '@playwright/test';

export class TicketScreen {
  readonly page: Page;
  readonly root: Locator;
  readonly title: Locator;
  readonly statusSelect: Locator;
  readonly thread: Locator;
  readonly composer: Locator;
  readonly timePanel: Locator;
  readonly timer: Locator;
  readonly duration: Locator;
  readonly timePreview: Locator;
  /** The work date: typed dd/mm/aaaa, with its spelled-out date or its error under it. */
  readonly workDate: Locator;
  readonly workDateHelp: Locator;
  readonly workDatePicker: Locator;
  readonly customerCard: Locator;
  readonly escalateButton: Locator;
  readonly escalateDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.locator('[data-page="ticket"]');
    this.title = page.getByTestId('ticket-title');
    this.statusSelect = page.locator('#ticket-status');
    this.thread = page.getByTestId('thread');
    this.composer = page.getByTestId('composer');
    this.timePanel = page.getByTestId('time-panel');
    this.timer = page.getByTestId('timer');
    this.duration = page.getByTestId('time-duration');
    this.timePreview = page.getByTestId('time-preview');
    this.workDate = page.locator('#time-date');
    this.workDateHelp = page.getByTestId('time-date-help');
    this.workDatePicker = page.getByTestId('time-date-picker');
    this.customerCard = page.getByTestId('customer-card');
    this.escalateButton = page.getByTestId('escalate');
    this.escalateDialog = page.getByTestId('escalate-dialog');
  }

  async waitReady(ticketId?: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    if (ticketId !== undefined) await expect(this.root).toHaveAttribute('data-ticket-id', ticketId);
  }

  async ticketId(): Promise<string> {
    return (await this.root.getAttribute('data-ticket-id')) ?? '';
  }

  /** Picks a status among the allowed ones and saves it, without waiting for the outcome (the server may refuse it). */
  async requestStatus(status: string): Promise<void> {
    await this.statusSelect.selectOption(status);
    await this.page.getByTestId('status-changer').getByRole('button').click();
    await expect(this.statusSelect).toHaveValue('');
  }

  /** Picks a status among the allowed ones and waits for the ticket to show it. */
  async changeStatus(status: string): Promise<void> {
    await this.requestStatus(status);
    await expect(this.root).toHaveAttribute('data-status', status);
  }

  async write(kind: 'reply' | 'note', body: string): Promise<void> {
    await this.composer.locator(`input[name="composer-mode"][value="${kind}"]`).check({ force: true });
    await expect(this.composer).toHaveAttribute('data-mode', kind);
    await this.composer.locator('textarea').fill(body);
    await this.composer.locator('button[type="submit"]').click();
    await expect(this.thread.getByTestId('thread-message').filter({ hasText: body })).toHaveAttribute('data-kind', kind);
  }

  async chooseWorkKind(kind: 'remote' | 'onsite'): Promise<void> {
    await this.timePanel.locator(`input[name="work-kind"][value="${kind}"]`).check({ force: true });
  }

  /** Opens the work date's month grid with its calendar button; focus lands on a day. */
  async openWorkDatePicker(): Promise<void> {
    await this.page.getByTestId('time-date').getByRole('button', { name: /^(Elegir en el calendario|Pick from the calendar)$/ }).click();
    await expect(this.workDatePicker).toBeVisible();
    await expect(this.workDatePicker.locator('button[data-date]:focus')).toHaveCount(1);
  }

  async logTime(): Promise<void> {
    await this.page.getByTestId('log-time').click();
  }
}

/** Page model of Ajustes › Calendario: the month grid, totals, notable days and the district lookup. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { ConsoleShell } from './console-shell.ts';

export class CalendarScreen {
  readonly page: Page;
  readonly shell: ConsoleShell;
  readonly root: Locator;
  readonly grid: Locator;
  readonly monthTitle: Locator;
  readonly monthSelect: Locator;
  readonly yearInput: Locator;
  readonly todayButton: Locator;
  readonly previousButton: Locator;
  readonly nextButton: Locator;
  readonly notableDays: Locator;
  readonly lookupInput: Locator;
  readonly lookupResult: Locator;

  constructor(shell: ConsoleShell) {
    this.shell = shell;
    this.page = shell.page;
    this.root = this.page.locator('[data-page="calendar"]');
    this.grid = this.page.getByTestId('month-grid');
    this.monthTitle = this.page.getByTestId('month-title');
    this.monthSelect = this.page.getByTestId('month-select');
    this.yearInput = this.page.getByTestId('year-input');
    this.todayButton = this.root.getByRole('button', { name: /^(Hoy|Today)$/ });
    this.previousButton = this.root.getByRole('button', { name: /^(Mes anterior|Previous month)$/ });
    this.nextButton = this.root.getByRole('button', { name: /^(Mes siguiente|Next month)$/ });
    this.notableDays = this.page.getByTestId('notable-days').locator('li');
    this.lookupInput = this.page.getByTestId('district-lookup').getByRole('searchbox');
    this.lookupResult = this.page.getByTestId('lookup-result');
  }

  async open(): Promise<void> {
    await this.shell.goTo('settings/calendar');
  }

  /** Waits until the grid shows the desk's answer for that month (not the previous one). */
  async expectMonth(year: number, month: number): Promise<void> {
    await expect(this.root).toHaveAttribute('data-month', `${year}-${String(month).padStart(2, '0')}`);
    await expect(this.root).toHaveAttribute('data-state', 'ready');
  }

  /** Jumps with the month list and the year field, as a person would. */
  async showMonth(year: number, month: number): Promise<void> {
    await this.monthSelect.selectOption(String(month));
    await this.yearInput.fill(String(year));
    await this.expectMonth(year, month);
  }

  day(isoDate: string): Locator {
    return this.grid.locator(`td[data-date="${isoDate}"]`);
  }

  /** The height inside the borders of each week row's cells, top to bottom (the first and last rows lack half a border). */
  async weekHeights(): Promise<number[]> {
    return this.grid.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.clientHeight ?? 0));
  }

  stat(id: 'business-days' | 'business-hours' | 'closed-weekdays'): Locator {
    return this.page.getByTestId('month-totals').locator(`[data-stat="${id}"] dd`);
  }

  notableDay(isoDate: string): Locator {
    return this.page.getByTestId('notable-days').locator(`li[data-date="${isoDate}"]`);
  }

  /** Types a query and waits for the answer that belongs to it (the box debounces and drops stale answers). */
  async lookUp(query: string): Promise<Locator> {
    await this.lookupInput.fill(query);
    await expect(this.lookupResult).toHaveAttribute('data-query', query.trim());
    await expect(this.lookupResult).toHaveAttribute('data-state', 'ready');
    return this.lookupResult;
  }
}

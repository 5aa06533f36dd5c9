/**
 * Page model of the Cola: views, search, filters, the virtualized grid, bulk
 * actions. Waits on `data-state`, `data-view`, `data-total` and row
 * attributes, never on time.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type QueueViewId = 'mine' | 'unassigned' | 'onsite_pending' | 'waiting_customer' | 'all';

export class QueueScreen {
  readonly page: Page;
  readonly root: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly views: Locator;
  readonly bulkBar: Locator;
  readonly explanation: Locator;
  readonly total: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.locator('[data-page="queue"]');
    this.grid = page.getByTestId('queue-grid');
    this.rows = this.grid.locator('[role="row"][data-ticket-id]');
    this.search = page.getByTestId('queue-search');
    this.views = page.getByTestId('queue-views');
    this.bulkBar = page.getByTestId('bulk-bar');
    this.explanation = page.getByTestId('rank-explanation');
    this.total = page.getByTestId('queue-total');
  }

  async waitReady(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  }

  viewButton(view: QueueViewId): Locator {
    return this.views.locator(`button[data-view="${view}"]`);
  }

  async showView(view: QueueViewId): Promise<void> {
    await this.viewButton(view).click();
    await expect(this.root).toHaveAttribute('data-view', view);
    await this.waitReady();
  }

  row(number: number): Locator {
    return this.grid.locator(`[role="row"][data-number="${number}"]`);
  }

  /** Types a search as a person would, and waits for the grid to show its answer (exactly `expected` rows when given). */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await expect(this.search).toHaveValue(text);
  }

  async firstRowNumber(): Promise<number> {
    const first = this.rows.first();
    await expect(first).toBeVisible();
    return Number(await first.getAttribute('data-number'));
  }
}

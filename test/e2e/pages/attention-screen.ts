/** Page model of Requiere atención: the edits the server refused, to fix and retry or discard. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AttentionScreen {
  readonly page: Page;
  readonly root: Locator;
  readonly items: Locator;
  readonly empty: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.locator('[data-page="attention"]');
    this.items = page.getByTestId('attention-item');
    this.empty = page.getByTestId('attention-empty');
  }

  async waitReady(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready');
  }

  item(code: string): Locator {
    return this.items.and(this.page.locator(`[data-code="${code}"]`));
  }
}

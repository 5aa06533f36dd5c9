/** Page model of the sign-in screen (shown in place of the Cola, a ticket or Requiere atención while signed out). */
import { expect, type Locator, type Page } from '@playwright/test';

export class LoginScreen {
  readonly page: Page;
  readonly root: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly server: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.locator('[data-page="login"]');
    this.email = this.root.locator('#login-email');
    this.password = this.root.locator('#login-password');
    this.server = this.root.locator('#login-server');
    this.submit = this.root.locator('button[type="submit"]');
    this.error = page.getByTestId('login-error');
  }

  async waitVisible(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready');
  }

  /** Fills the form and submits; does not wait for the outcome. */
  async submitWith(email: string, password: string, server?: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    if (server !== undefined) await this.server.fill(server);
    await this.submit.click();
  }

  /** Submits and waits for a refusal, returning its code. */
  async expectRefusal(code: string): Promise<Locator> {
    await expect(this.error).toHaveAttribute('data-error-code', code, { timeout: 30_000 });
    return this.error;
  }
}

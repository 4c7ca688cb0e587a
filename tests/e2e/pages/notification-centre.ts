import type { Page } from '@playwright/test';

/** The bell in the header, its notification centre and the toasts. */
export class NotificationCentre {
  constructor(private readonly page: Page) {}

  bell() {
    return this.page.getByTestId('notification-bell');
  }

  drawer() {
    return this.page.getByTestId('notification-centre');
  }

  items() {
    return this.drawer().getByTestId('notification-item');
  }

  item(title: string) {
    return this.items().filter({ hasText: title });
  }

  toasts() {
    return this.page.getByTestId('notification-toast');
  }

  toast(title: string) {
    return this.toasts().filter({ hasText: title });
  }

  /** The unread count as the bell's label says it (0 when it says none). */
  async unreadCount(): Promise<number> {
    const label = (await this.bell().getAttribute('aria-label')) ?? '';
    return Number(/(\d+)/.exec(label)?.[1] ?? 0);
  }

  async openWithKeyboard() {
    await this.page.keyboard.press('Alt+N');
  }
}

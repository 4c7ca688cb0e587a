/** The settings screen. Keys start with `settings.`. */
import { defineMessages } from './define';

export const settingsMessages = defineMessages(
  {},
  {},
);

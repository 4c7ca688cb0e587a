/** The doctors' roster: weekly templates, day overrides, the morning confirmation. Keys start with `roster.`. */
import { defineMessages } from './define';

export const rosterMessages = defineMessages(
  {},
  {},
);

/** Printed documents: the appointment slip and what prints it. Keys start with `printing.`. */
import { defineMessages } from './define';

export const printingMessages = defineMessages(
  {},
  {},
);

/** Customers: registration, search, the customer page. Keys start with `customers.`. */
import { defineMessages } from './define';

export const customersMessages = defineMessages(
  {},
  {},
);

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** The database or a transaction on it: services work in either. */
export type Db = Kysely<Database> | Transaction<Database>;

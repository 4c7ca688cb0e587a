/**
 * The lobby display's picture of the day (issue 5, item 3): the calls being answered with the floor
 * and room to go to, and the next tickets waiting. Names are masked here, on the server, by the
 * clinic's setting — the full name never leaves this function — and the contract's schema refuses
 * any name without a `*` (DESIGN.md, privacy; PIPL Art. 25).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DisplayBoard } from '../../shared/contract/display';
import { clinicDateOf } from '../../shared/domain/clinic-time';
import { maskGivenName, maskName } from '../../shared/domain/masking';
import type { DisplayNameMode } from '../../shared/domain/settings';
import { callsOfDay, countWaiting, waitingOfDay } from '../db/repositories/lobby-display';
import { readSettings } from '../db/repositories/settings';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface DisplayService {
  /** Today's display board at `now`, as the clinic's display settings say. */
  board(db: Db, now: Date): Promise<DisplayBoard>;
}

/** A customer's name as the lobby may see it under `mode`; null for tickets only. */
export function displayName(fullName: string, mode: DisplayNameMode): string | null {
  if (mode === 'ticketOnly') return null;
  const masked = mode === 'surnameOnly' ? maskGivenName(fullName) : maskName(fullName);
  // A name that masks to nothing (blank) shows no name rather than an empty line.
  return masked.includes('*') ? masked : null;
}

export function createDisplayService(): DisplayService {
  return {
    async board(db, now) {
      const settings = await readSettings(db);
      const date = clinicDateOf(now, settings.timeZone);
      const mode = settings.displayNameMode;
      const [calls, waiting, waitingTotal] = await Promise.all([
        callsOfDay(db, date, settings.displayCalledCount),
        settings.displayWaitingCount > 0 ? waitingOfDay(db, date, settings.displayWaitingCount) : Promise.resolve([]),
        countWaiting(db, date),
      ]);
      return {
        clinicName: settings.clinicName,
        clinicNameEn: settings.clinicNameEn,
        date,
        timeZone: settings.timeZone,
        now: now.toISOString(),
        showEnglish: settings.displayEnglish,
        nameMode: mode,
        called: calls.flatMap((row) =>
          // Every call is a status event; a row without one was never called and is not shown.
          row.called_at === null
            ? []
            : [
                {
                  ticket: row.ticket,
                  name: displayName(row.customer_name, mode),
                  room: row.room_floor === null ? null : { floor: row.room_floor, nameZh: row.room_name ?? '', nameEn: row.room_name_en ?? '' },
                  calledAt: row.called_at,
                },
              ],
        ),
        waiting: waiting.map((row) => ({ ticket: row.ticket, name: displayName(row.customer_name, mode) })),
        waitingTotal,
      };
    },
  };
}

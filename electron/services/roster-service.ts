/**
 * The doctors' roster (seed 000, reception flow step 4): weekly templates, per-day overrides and
 * reception's morning confirmation, with the appointments an absent or late doctor puts at risk.
 */
export { resolveDayShifts, type DayShift } from './roster-shifts';

export type RosterService = Record<string, never>;

/** The roster service (filled in below as the feature grows). */
export function createRosterService(): RosterService {
  return {};
}

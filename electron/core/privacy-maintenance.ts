/**
 * Privacy upkeep (issue 20), run at start and every few hours beside the scheduler: records whose
 * legal hold has ended are erased, and the access and audit logs are trimmed to their retention
 * (settings, never under the lawful minimum: shared/domain/privacy.ts).
 */
import { addYears, RETENTION_MINIMUM_YEARS } from '../../shared/domain/privacy';
import { clinicDateOf } from '../../shared/domain/clinic-time';
import { purgeAuditBefore } from '../db/repositories/erasure';
import { purgeAccessLogBefore } from '../db/repositories/privacy';
import { readSettings } from '../db/repositories/settings';
import { createPrivacyService } from '../services/privacy-service';
import type { ConsoleCore } from './create-core';

export const PRIVACY_MAINTENANCE_MS = 6 * 60 * 60_000;

export interface MaintenanceResult {
  erased: number[];
  accessRowsPurged: number;
  auditRowsPurged: number;
}

/** One round: what it erased and trimmed. Erasures are published, so the WAL is checkpointed. */
export async function runPrivacyMaintenance(core: ConsoleCore): Promise<MaintenanceResult> {
  const now = core.clock.now();
  const result = await core.database.db.transaction().execute(async (trx) => {
    const settings = await readSettings(trx);
    const today = clinicDateOf(now, settings.timeZone);
    const erased = await createPrivacyService().eraseEndedHolds(trx, now);
    // A row is kept for the whole of its last year: the cut is the start of the clinic day that many years ago.
    const cut = (years: number) => `${addYears(today, -years)}T00:00:00.000Z`;
    const accessYears = Math.max(settings.retentionAccessLogYears, RETENTION_MINIMUM_YEARS.accessLogYears);
    const auditYears = Math.max(settings.retentionAuditLogYears, RETENTION_MINIMUM_YEARS.auditLogYears);
    const accessRowsPurged = await purgeAccessLogBefore(trx, cut(accessYears));
    const auditRowsPurged = await purgeAuditBefore(trx, cut(auditYears));
    return { erased, accessRowsPurged, auditRowsPurged };
  });
  if (result.erased.length > 0) core.events.publish('privacy.erased', { customerIds: result.erased });
  return result;
}

/** Runs a round now and every six hours; returns a stop for shutdown. */
export function startPrivacyMaintenance(core: ConsoleCore, log: (line: string) => void = console.log): () => void {
  const round = () =>
    runPrivacyMaintenance(core)
      .then((done) => {
        if (done.erased.length + done.accessRowsPurged + done.auditRowsPurged > 0) {
          log(`[privacy] holds ended and erased: ${String(done.erased.length)}; access-log rows past retention: ${String(done.accessRowsPurged)}; audit rows: ${String(done.auditRowsPurged)}`);
        }
      })
      .catch((error: unknown) => console.error(`[privacy] upkeep failed: ${error instanceof Error ? error.message : String(error)}`));
  void round();
  const timer = setInterval(() => void round(), PRIVACY_MAINTENANCE_MS);
  timer.unref();
  return () => clearInterval(timer);
}

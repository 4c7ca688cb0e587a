import { clinicDayRange } from '../../../shared/domain/clinic-time';
import { listAudit } from '../../db/repositories/audit';
import { requireActor, type HandlerContext, type HandlersOf } from '../context';
import type { StaffChange } from '../../services/staff-service';
import type { Services } from './services';

/** Describes a staff write for its audit row and tells every console (pickers, sign-in list, open streams). */
function announce(context: HandlerContext, change: StaffChange) {
  context.audit({ target: change.target, diff: change.diff });
  context.emit('staff.changed', { ids: [change.member.id] });
  return change.member;
}

/** Staff administration (issue 13 part 8): a manager's writes, each audited and announced. */
export function createStaffHandlers(services: Services): HandlersOf<'staff'> {
  return {
    'staff.list': (_input, { db }) => services.staff.list(db),
    'staff.create': async (input, context) => announce(context, await services.staff.create(context.db, input, requireActor(context).staffId, context.now)),
    'staff.update': async (input, context) => announce(context, await services.staff.update(context.db, input, requireActor(context).staffId, context.now)),
    'staff.deactivate': async (input, context) => announce(context, await services.staff.deactivate(context.db, input, requireActor(context).staffId, context.now)),
    'staff.reactivate': async (input, context) => announce(context, await services.staff.reactivate(context.db, input, requireActor(context).staffId, context.now)),
    'staff.resetPin': async (input, context) => announce(context, await services.staff.resetPin(context.db, input, requireActor(context).staffId, context.now)),
  };
}

/** The audit-log viewer: clinic days turned into the clinic zone's UTC range. */
export function createAuditHandlers(services: Services): HandlersOf<'audit'> {
  return {
    'audit.list': async (input, { db }) => {
      const { timeZone } = await services.settings.get(db);
      const { rows, total } = await listAudit(
        db,
        {
          staffId: input.staffId,
          action: input.action,
          since: input.from ? clinicDayRange(input.from, timeZone).start : undefined,
          until: input.to ? clinicDayRange(input.to, timeZone).end : undefined,
          target: input.target,
        },
        { offset: (input.page - 1) * input.pageSize, limit: input.pageSize },
      );
      return {
        entries: rows.map((row) => ({
          id: row.id,
          at: row.at,
          staff: row.staff_id !== null && row.staff_name !== null && row.staff_role !== null ? { id: row.staff_id, name: row.staff_name, role: row.staff_role } : null,
          device: row.device,
          method: row.method,
          target: row.target,
          diff: row.diff,
        })),
        total,
        page: input.page,
        pageSize: input.pageSize,
      };
    },
  };
}

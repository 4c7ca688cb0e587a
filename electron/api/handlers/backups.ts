import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/** The backup handlers: the list, and a manager's "back up now", audited with the file it makes. */
export function createBackupHandlers(services: Services): HandlersOf<'backups'> {
  return {
    'backups.list': () => services.backups.list(),

    'backups.create': (_input, context) => {
      const actor = requireActor(context);
      const started = services.backups.start({ trigger: 'manual', staffId: actor.staffId, staffName: actor.name });
      // Its failure is logged by the service and shows as a list without the file; the call only starts it.
      started.done.catch(() => undefined);
      context.audit({ target: `backup:${started.fileName}`, diff: { trigger: 'manual' } });
      return { fileName: started.fileName, startedAt: started.startedAt };
    },
  };
}

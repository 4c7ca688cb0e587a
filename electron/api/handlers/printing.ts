import { AppError } from '../../../shared/contract/errors';
import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/**
 * The print handlers. `print.toDevice` and `print.printers` are answered here only where no
 * printer is attached (the browser mode); the desktop shell serves them in front of the
 * dispatcher (electron/shell/printing.ts), where Electron can reach a printer.
 */
export function createPrintHandlers(services: Services): HandlersOf<'print'> {
  return {
    'print.slip': (input, context) => services.printing.renderSlip(context.db, input, context.caller.language),

    'print.record': async (input, context) => {
      const actor = requireActor(context);
      const { customerId, ...job } = await services.printing.record(
        context.db,
        {
          appointmentId: input.appointmentId,
          paper: input.paper,
          language: input.language ?? context.caller.language,
          printer: input.printer ?? '',
          staffId: actor.staffId,
          device: context.caller.device,
        },
        context.now,
      );
      context.audit({
        target: `appointment:${input.appointmentId}`,
        diff: { printJob: job.id, kind: job.kind, customerId, paper: job.paper, language: job.language, printer: job.printer },
      });
      return job;
    },

    'print.toDevice': () => {
      throw new AppError('invalid', 'printing.desktopOnly');
    },

    'print.printers': () => [],
  };
}

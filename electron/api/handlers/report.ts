import type { HandlersOf } from '../context';
import type { Services } from './services';

/** The manager's report (issue 18): reads only; the contract lets managers alone call them. */
export function createReportHandlers(services: Services): HandlersOf<'report'> {
  return {
    'report.get': (input, context) => services.report.build(context.db, { ...input, language: input.language ?? context.caller.language }, context.now),
    'report.document': (input, context) => services.report.document(context.db, { ...input, language: input.language ?? context.caller.language }, context.now),
    'report.kept': async (_input, { db }) => ({ reports: await services.report.kept(db) }),
  };
}

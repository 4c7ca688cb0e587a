/**
 * Who may record a consultation's outcome from a board card, and the one dialog they open. The
 * board page provides it to consultants, doctors and managers; a card in consultation shows the
 * button when it is there. (The lead also opens `OutcomeDialog` from the room view at merge.)
 */
import { createContext, lazy, Suspense, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { mayCall } from '../../../shared/contract/permissions';
import { withWholeStyles } from '../../ui/whole-styles';

const OutcomeDialog = lazy(() => withWholeStyles(import('./outcome-dialog')).then((module) => ({ default: module.OutcomeDialog })));

const OutcomeActionContext = createContext<((visitId: number) => void) | null>(null);

/** The card's "record the outcome" opener, or null for roles that may not. */
export function useOutcomeAction(): ((visitId: number) => void) | null {
  return useContext(OutcomeActionContext);
}

export function OutcomeActionProvider({ role, children }: { role: Role; children: ReactNode }) {
  const [visitId, setVisitId] = useState<number | null>(null);
  // Who may record it comes from the contract, not a list of roles here (issue 13 part 5).
  const allowed = mayCall(role, 'outcomes.record');
  const open = useMemo(() => (allowed ? (id: number) => setVisitId(id) : null), [allowed]);
  return (
    <OutcomeActionContext.Provider value={open}>
      {children}
      {visitId !== null && (
        <Suspense fallback={null}>
          <OutcomeDialog visitId={visitId} open onClose={() => setVisitId(null)} />
        </Suspense>
      )}
    </OutcomeActionContext.Provider>
  );
}

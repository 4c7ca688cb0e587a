/**
 * The services of issue 16 (outcome, screen, stay, aftercare), built together with their hooks.
 * The lead wires the hand-off flag and the follow-up plan here at merge (see assessment-flag.ts
 * and discharge-hook.ts).
 */
import type { BookingService } from '../booking-service';
import type { VisitService } from '../visit-service';
import { createAftercareService, type AftercareService } from './aftercare-service';
import type { AssessmentSuggested } from './assessment-flag';
import type { OnDischarged } from './discharge-hook';
import { createOutcomeService, type OutcomeService } from './outcome-service';
import { createScreeningService, type ScreeningService } from './screening-service';
import { createStayService, type StayService } from './stay-service';

export function createStayServices(deps: {
  booking: BookingService;
  visits: VisitService;
  assessmentSuggested?: AssessmentSuggested;
  onDischarged?: OnDischarged;
}): { outcomes: OutcomeService; screenings: ScreeningService; stays: StayService; aftercare: AftercareService } {
  const screenings = createScreeningService(deps.assessmentSuggested ? { assessmentSuggested: deps.assessmentSuggested } : {});
  return {
    screenings,
    outcomes: createOutcomeService({ booking: deps.booking, visits: deps.visits, screenings }),
    stays: createStayService(deps.onDischarged ? { onDischarged: deps.onDischarged } : {}),
    aftercare: createAftercareService(),
  };
}

import { describe, expect, it } from 'vitest';
import { kindOf, periodAround, periodOfRoute, shiftPeriod } from './report-period';

describe('report periods', () => {
  it('makes a week Monday to Sunday and a month its calendar days, over a year end too', () => {
    expect(periodAround('week', '2026-12-03')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodAround('month', '2026-12-03')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodAround('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(kindOf({ from: '2026-11-30', to: '2026-12-06' })).toBe('week');
    expect(kindOf({ from: '2026-12-01', to: '2026-12-31' })).toBe('month');
    expect(kindOf({ from: '2026-12-02', to: '2026-12-04' })).toBe('range');
  });

  it('steps a month by months and anything else by its own length', () => {
    expect(shiftPeriod({ from: '2026-12-01', to: '2026-12-31' }, -1)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(shiftPeriod({ from: '2026-12-01', to: '2026-12-31' }, 1)).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(shiftPeriod({ from: '2026-12-02', to: '2026-12-04' }, 1)).toEqual({ from: '2026-12-05', to: '2026-12-07' });
  });

  it('refuses a route whose period is not a valid one', () => {
    expect(periodOfRoute(['2026-12-04', '2026-12-01'])).toBeNull();
    expect(periodOfRoute(['2026-02-30', '2026-03-01'])).toBeNull();
    expect(periodOfRoute(['2024-01-01', '2026-01-01'])).toBeNull();
    expect(periodOfRoute(['2026-12-01', '2026-12-04'])).toEqual({ from: '2026-12-01', to: '2026-12-04' });
  });
});

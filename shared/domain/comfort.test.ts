import { describe, expect, it } from 'vitest';
import { audiencesOf, COMFORT_RULE_SOURCES, repeatProblem, rulesAtCheckIn } from './comfort';

describe('comfort rules', () => {
  it('a round needs its interval; a check-in rule makes one task and has none', () => {
    expect(repeatProblem('round', 15)).toBeNull();
    expect(repeatProblem('round', null)).toBe('repeatNeeded');
    expect(repeatProblem('check_in', null)).toBeNull();
    expect(repeatProblem('check_in', 10)).toBe('repeatOnlyForRounds');
  });

  it('apply to everyone, and to the anxious, the drip and before surgery by tag and kind (seed 004 rules 3, 5, 21)', () => {
    const rules = (['all', 'anxious', 'preop', 'infusion'] as const).map((appliesTo, id) => ({ id, trigger: 'check_in' as const, appliesTo, dueMinutes: 5 }));
    expect(rulesAtCheckIn(rules, audiencesOf([], null)).map((rule) => rule.appliesTo)).toEqual(['all']);
    expect(rulesAtCheckIn(rules, audiencesOf(['anxious', 'infusion'], 'surgery')).map((rule) => rule.appliesTo)).toEqual(['all', 'anxious', 'preop', 'infusion']);
  });

  it('cite a seed for every seeded rule', () => {
    expect(Object.keys(COMFORT_RULE_SOURCES).sort()).toEqual(['infusion', 'magazines', 'reassure', 'reassure_preop', 'round', 'tea']);
    expect(COMFORT_RULE_SOURCES.round).toEqual({ seed: '004', part: 'rule', numbers: [10, 26] });
  });
});

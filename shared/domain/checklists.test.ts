import { describe, expect, it } from 'vitest';
import { checklistDueAt, checklistStatus, isCountShort } from './checklists';

const ZONE = 'Asia/Shanghai';

describe('checklistStatus', () => {
  it('is not started, then in progress before its due time, overdue after it, done once completed — on a moving clock', () => {
    const lobby = { dueTime: '08:45' };
    const at = (beijing: string) => new Date(`2026-11-23T${beijing}:00+08:00`);
    expect(checklistStatus(lobby, null, at('08:00'), ZONE)).toBe('notStarted');
    expect(checklistStatus(lobby, { date: '2026-11-23', completedAt: null, ticked: 0 }, at('08:00'), ZONE)).toBe('notStarted');
    expect(checklistStatus(lobby, { date: '2026-11-23', completedAt: null, ticked: 1 }, at('08:00'), ZONE)).toBe('inProgress');
    expect(checklistStatus(lobby, null, at('08:45'), ZONE)).toBe('notStarted');
    expect(checklistStatus(lobby, null, at('08:46'), ZONE)).toBe('overdue');
    expect(checklistStatus(lobby, { date: '2026-11-23', completedAt: null }, at('09:30'), ZONE)).toBe('overdue');
    expect(checklistStatus(lobby, { date: '2026-11-23', completedAt: '2026-11-23T00:40:00.000Z' }, at('09:31'), ZONE)).toBe('done');
  });

  it('says a checklist finished after its deadline was done late (issue 13: it showed a plain green "done")', () => {
    const at = (beijing: string) => new Date(`2026-11-23T${beijing}:00+08:00`);
    expect(checklistStatus({ dueTime: '08:45' }, { date: '2026-11-23', completedAt: '2026-11-23T01:31:00.000Z' }, at('09:31'), ZONE)).toBe('doneLate');
    expect(checklistStatus({ dueTime: '08:45' }, { date: '2026-11-23', completedAt: '2026-11-23T00:45:00.000Z' }, at('09:31'), ZONE)).toBe('done');
  });

  it("reads the due time on the clinic's own day, not the UTC one", () => {
    // 01:00 Beijing on the 24th is still the 23rd in UTC: the 08:45 of the 24th is not due yet.
    expect(checklistStatus({ dueTime: '08:45' }, null, new Date('2026-11-23T17:00:00.000Z'), ZONE)).toBe('notStarted');
    expect(checklistDueAt('18:30', '2026-11-23', ZONE).toISOString()).toBe('2026-11-23T10:30:00.000Z');
  });

  it('a count is short only when fewer were counted than expected', () => {
    expect(isCountShort(1, 0)).toBe(true);
    expect(isCountShort(1, 1)).toBe(false);
    expect(isCountShort(null, 0)).toBe(false);
  });
});

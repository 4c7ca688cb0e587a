/**
 * The notifications tables (migration 008): the database itself refuses a second notification for
 * the same thing and escalation, and a role's list is served by an index, not a scan.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../tests/helpers/test-core';
import { insertNotificationOnce, type NewNotification } from './notifications';

let core: TestCore;
const notice: NewNotification = {
  kind: 'rosterUnconfirmed',
  subjectKind: 'rosterDay',
  subjectId: '2026-11-23',
  escalation: 'opening',
  titleKey: 'notifications.rosterUnconfirmed.title',
  bodyKey: 'notifications.rosterUnconfirmed.body',
  params: { unconfirmed: 2, total: 6 },
  link: '#/roster',
  roles: ['reception', 'manager'],
  createdAt: '2026-11-23T01:00:00.000Z',
};

beforeEach(async () => {
  core = await createTestCore();
});
afterEach(async () => {
  await core.close();
});

describe('notifications table', () => {
  it('keeps one per kind, subject and escalation, even against a plain INSERT', async () => {
    expect(await insertNotificationOnce(core.database.db, notice)).toBeTypeOf('number');
    expect(await insertNotificationOnce(core.database.db, { ...notice, params: { unconfirmed: 1, total: 6 } })).toBeNull();
    expect(await insertNotificationOnce(core.database.db, { ...notice, escalation: 'opening+30' })).toBeTypeOf('number');
    expect(() =>
      core.database.sqlite
        .prepare("INSERT INTO notifications (kind, subject_kind, subject_id, escalation, title_key, body_key, link, created_at) VALUES ('rosterUnconfirmed','rosterDay','2026-11-23','opening','t','b','#/roster','x')")
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      core.database.sqlite
        .prepare("INSERT INTO notifications (kind, subject_kind, subject_id, escalation, title_key, body_key, link, created_at) VALUES ('x','y','1','e','t','b','https://evil.example/','x')")
        .run(),
    ).toThrow(/CHECK/);
  });

  it("serves a role's newest, with the reader's marks, from indexes without a sort", () => {
    const plan = (query: string) =>
      core.database.sqlite
        .prepare(`EXPLAIN QUERY PLAN ${query}`)
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join(' | ');
    const list = plan(
      `SELECT n.*, rd.read_at FROM notification_roles r JOIN notifications n ON n.id = r.notification_id
       LEFT JOIN notification_reads rd ON rd.notification_id = n.id AND rd.staff_id = 1
       WHERE r.role = 'reception' ORDER BY r.notification_id DESC LIMIT 50`,
    );
    expect(list).toMatch(/SEARCH r USING PRIMARY KEY \(role=\?\)/);
    expect(list).not.toMatch(/TEMP B-TREE/);
    expect(list).toMatch(/SEARCH rd USING PRIMARY KEY \(staff_id=\? AND notification_id=\?\)/);
  });
});

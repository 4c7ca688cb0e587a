import { describe, expect, it } from 'vitest';
import { notificationText } from './notification-text';

const checklist = {
  titleKey: 'notifications.checklistOverdue.title',
  bodyKey: 'notifications.checklistOverdue.body',
  params: { name: '大堂准备', nameEn: 'Lobby preparation', due: '08:45', date: '2026-11-23' },
};

describe('notificationText', () => {
  it('fills the Chinese message with the Chinese parameters', () => {
    expect(notificationText('zh-CN', checklist)).toEqual({ title: '清单未按时完成', body: '“大堂准备”应在 08:45 前完成，目前尚未完成。' });
  });

  it('gives English readers the …En form of a parameter', () => {
    expect(notificationText('en', checklist)).toEqual({
      title: 'Checklist not done on time',
      body: '"Lobby preparation" was due by 08:45 and is not done yet.',
    });
  });

  it('keeps the Chinese form when the English one is empty', () => {
    const comfort = {
      titleKey: 'visits.notify.comfortOverdue.title',
      bodyKey: 'visits.notify.comfortOverdue.body',
      params: { ticket: 'A012', who: '王姐', task: '奉茶', taskEn: '' },
    };
    expect(notificationText('en', comfort)).toEqual({ title: 'Comfort overdue: A012', body: '王姐: 奉茶, past its time' });
  });

  it('shows a generic heading, never a raw key, for a key this build does not know', () => {
    expect(notificationText('en', { titleKey: 'notifications.fromTheFuture.title', bodyKey: 'nope', params: {} })).toEqual({
      title: 'Notifications',
      body: '',
    });
  });
});

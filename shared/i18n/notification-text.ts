/**
 * A notification's title and body in one language. Notifications are stored as message keys and
 * parameters (shared/contract/notifications.ts) so every client — the console, a tablet, the
 * desktop shell — shows them in its own language. A parameter with an English form is stored twice,
 * `name` and `nameEn` (electron/services/notification-rules/notification-rule.ts): English readers
 * get the `…En` one wherever the message says `{name}`.
 */
import { isMessageKey, translate, type Language, type MessageParams } from './messages';

export interface NotificationMessage {
  titleKey: string;
  bodyKey: string;
  params: MessageParams;
}

export interface NotificationText {
  title: string;
  body: string;
}

/** The parameters as a reader of `language` should see them. */
function paramsFor(language: Language, params: MessageParams): MessageParams {
  if (language !== 'en') return params;
  const chosen: MessageParams = { ...params };
  for (const [name, value] of Object.entries(params)) {
    const base = name.endsWith('En') ? name.slice(0, -2) : '';
    // An empty English form (a name nobody translated) keeps the Chinese one.
    if (base && Object.prototype.hasOwnProperty.call(params, base) && String(value).trim() !== '') chosen[base] = value;
  }
  return chosen;
}

/**
 * The title and body of a notification in `language`. A key this build does not know (raised by a
 * newer version sharing the database) falls back to the generic heading rather than a raw key.
 *
 * @example notificationText('en', { titleKey: 'notifications.checklistOverdue.title',
 *   bodyKey: 'notifications.checklistOverdue.body', params: { name: '大堂准备', nameEn: 'Lobby', due: '08:45' } })
 *   // → { title: 'Checklist not done on time', body: '"Lobby" was due by 08:45 and is not done yet.' }
 */
export function notificationText(language: Language, message: NotificationMessage): NotificationText {
  const params = paramsFor(language, message.params);
  const title = isMessageKey(message.titleKey) ? translate(language, message.titleKey, params) : translate(language, 'notifications.heading');
  const body = isMessageKey(message.bodyKey) ? translate(language, message.bodyKey, params) : '';
  return { title, body };
}

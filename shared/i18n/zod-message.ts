/**
 * Turns a zod issue into a sentence in the user's language that names the field. zod's own texts
 * are written for developers and its locale is process-wide, so each issue code is mapped here.
 */
import type { z } from 'zod';
import { isMessageKey, translate, type Language, type MessageKey } from './messages';

/** The user-facing label of a field path: `field.<last segment>` when the catalogue has one. */
export function fieldLabel(language: Language, path: readonly PropertyKey[]): string {
  const named = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  if (named !== undefined) {
    const key = `field.${named}`;
    if (isMessageKey(key)) return translate(language, key);
    return path.map(String).join('.');
  }
  return path.length > 0 ? path.map(String).join('.') : translate(language, 'validation.input');
}

/** One zod issue as a translated message. */
export function describeIssue(language: Language, issue: z.core.$ZodIssue): string {
  const field = fieldLabel(language, issue.path);
  const say = (key: MessageKey, params: Record<string, string | number> = {}) =>
    translate(language, key, { field, ...params });

  // Nothing given (a form's empty field, "" from an emptied picker): say it is required, whatever
  // rule the empty value broke — "Time must be HH:MM" for an empty time reads as an error of format.
  if (issue.code !== 'unrecognized_keys' && 'input' in issue && (issue.input === undefined || issue.input === null || issue.input === '')) return say('validation.required');
  // A schema's own message, when it is a catalogue key, says it best (e.g. validation.pin).
  if (isMessageKey(issue.message)) return say(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? say('validation.required') : say('validation.type');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? say('validation.required') : say('validation.tooShort', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return say('validation.tooFew', { min });
      return say('validation.tooSmall', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return say('validation.tooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return say('validation.tooMany', { max });
      return say('validation.tooBig', { max });
    }
    case 'invalid_format':
      return say('validation.format');
    case 'invalid_value':
      return say('validation.oneOf', { options: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return translate(language, 'validation.unknownKeys', { keys: issue.keys.join(', ') });
    default:
      return say('validation.invalid');
  }
}

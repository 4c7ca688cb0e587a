import { ApiCallError } from '../../shared/contract/errors';
import { isMessageKey } from '../../shared/i18n/messages';
import type { Translate } from '../i18n/i18n';

/** The one way an error is turned into a sentence on screen, whatever its source. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiCallError) return error.message;
  return t('error.internal');
}

/** A react-hook-form field error (whose message is a catalogue key from the shared schema). */
export function fieldErrorMessage(message: string | undefined, field: string, t: Translate): string | undefined {
  if (!message) return undefined;
  return isMessageKey(message) ? t(message, { field }) : message;
}

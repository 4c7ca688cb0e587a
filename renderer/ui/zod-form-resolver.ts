/**
 * The resolver of every form that validates with a contract schema. zod's own messages are
 * written for developers, in English; each issue is said here in the user's language, naming the
 * field, by the same function the server answers with (shared/i18n/zod-message.ts).
 *
 * Not `zodResolver(schema, { error })`: zod prefers a schema's own message (`validation.pin`, a
 * catalogue key) to that error map, so those issues would reach the form as raw keys.
 */
import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { Language } from '../../shared/i18n/messages';
import { describeIssue } from '../../shared/i18n/zod-message';

/**
 * A react-hook-form resolver for `schema` whose error messages are in `language`; the first
 * problem of each field is shown.
 *
 * @example useForm({ resolver: zodFormResolver(bookingSchema, language) })
 */
export function zodFormResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  language: Language,
): Resolver<Input, unknown, Output> {
  return async (values, _context, options) => {
    // reportInput: an issue then tells a missing value (required) from a wrong one (describeIssue).
    const parsed = await schema.safeParseAsync(values, { reportInput: true });
    if (parsed.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: parsed.data, errors: {} };
    }
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= { type: issue.code, message: describeIssue(language, issue) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

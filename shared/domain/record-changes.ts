/**
 * What someone else changed in a record while a person had it open in a form. A save sends the
 * version it read; a stale one is refused with `conflict` and `details: {version, current}` (the
 * record as stored now). The form still holds what it loaded, so comparing the two names the fields
 * that changed meanwhile and their current values — shown to the person, never overwritten. Pure.
 */

/** One field changed meanwhile: its name and the value stored now. */
export interface ChangedField {
  field: string;
  current: unknown;
}

/** Values compared by content (tags are arrays; null and an absent value are the same). */
function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}

/**
 * The fields of `current` whose value differs from what the form loaded, in `current`'s order;
 * `version` and bookkeeping fields listed in `ignore` are left out.
 *
 * @example changedFields({ name: '王丽', notes: '' }, { name: '王丽', notes: '怕疼' }) // [{ field: 'notes', current: '怕疼' }]
 */
export function changedFields(
  loaded: Readonly<Record<string, unknown>>,
  current: Readonly<Record<string, unknown>>,
  ignore: readonly string[] = ['version', 'createdAt', 'updatedAt', 'updated'],
): ChangedField[] {
  return Object.keys(current)
    .filter((field) => !ignore.includes(field) && !sameValue(loaded[field], current[field]))
    .map((field) => ({ field, current: current[field] }));
}

/** The details of a stale save's `conflict`: the version stored now and the record as it is. */
export interface StaleSaveDetails {
  version: number;
  current: Record<string, unknown>;
}

/** Whether a conflict's details are a stale save's (and not, say, a phone already taken). */
export function isStaleSaveDetails(details: unknown): details is StaleSaveDetails {
  if (details === null || typeof details !== 'object') return false;
  const { version, current } = details as { version?: unknown; current?: unknown };
  return typeof version === 'number' && current !== null && typeof current === 'object';
}

/**
 * Text a caller sends must be well-formed UTF-16: a lone surrogate (half of an emoji, cut by a
 * broken client or sent on purpose) cannot be stored as it was sent — SQLite's UTF-8 turns it
 * into U+FFFD — so the console would keep something other than what it said it kept. Nor may it
 * hold a NUL: SQLite's text functions stop at it (`length('\u0000')` is 0), so a name of one NUL
 * passed the schema's "not empty" and then broke the table's CHECK (a 500).
 */

// The NUL is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CANNOT_STORE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/;

/** Whether `text` has a lone surrogate or a NUL. */
export function isIllFormedText(text: string): boolean {
  return CANNOT_STORE.test(text);
}

/**
 * The path of the first string (value or key) in `value` that is not well-formed, or null.
 * Walks without recursion, so an input nested 10,000 deep is read and not a stack overflow.
 *
 * @example
 * firstIllFormedText({ name: 'a\uD800' }) // ['name']
 */
export function firstIllFormedText(value: unknown): (string | number)[] | null {
  // Each pending value keeps its parent, so a path is built only for the string that fails.
  interface Step { value: unknown; key: string | number | null; parent: Step | null }
  const pathOf = (step: Step | null, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let at = step; at && at.key !== null; at = at.parent) path.unshift(at.key);
    return path;
  };
  const pending: Step[] = [{ value, key: null, parent: null }];
  while (pending.length > 0) {
    const step = pending.pop() as Step;
    const current = step.value;
    if (typeof current === 'string') {
      if (isIllFormedText(current)) return pathOf(step);
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) pending.push({ value: current[index], key: index, parent: step });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (const [key] of entries) if (isIllFormedText(key)) return pathOf(step, key);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, inner] = entries[index] as [string, unknown];
        pending.push({ value: inner, key, parent: step });
      }
    }
  }
  return null;
}

/**
 * Which of zod's issues a refused input is answered with, and the path it names. The answer
 * names one field, the one a person (or a client's developer) must fix:
 *   - an unknown key names the key itself (`["shift", "colour"]`), not the object it is in;
 *   - of a union (a check-in by appointment or as a walk-in) it names the problem of the option
 *     the input came closest to, not the union as a whole (`[]`, "Input is not valid").
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

export interface NamedIssue {
  issue: Issue;
  path: (string | number)[];
}

const toPath = (path: readonly PropertyKey[]) => path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));

/** The issue to answer with, and its path, from the issues of one failed parse. */
export function nameIssue(issues: readonly Issue[], prefix: (string | number)[] = []): NamedIssue | null {
  const issue = issues[0];
  if (!issue) return null;
  const path = [...prefix, ...toPath(issue.path)];
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) return { issue, path: [...path, issue.keys[0] as string] };
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // The closest option: the fewest issues, and of those the one not refusing a key it does not know.
    const ranked = issue.errors
      .filter((optionIssues) => optionIssues.length > 0)
      .map((optionIssues) => ({ optionIssues, unknown: optionIssues.some((inner) => inner.code === 'unrecognized_keys') }))
      .sort((a, b) => a.optionIssues.length - b.optionIssues.length || Number(a.unknown) - Number(b.unknown));
    const closest = ranked[0];
    if (closest) return nameIssue(closest.optionIssues, path);
  }
  return { issue, path };
}

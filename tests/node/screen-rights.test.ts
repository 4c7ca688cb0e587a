/**
 * Issue 13 part 5, the class and not the case: no screen decides what a role may do from a list of
 * its own (`['reception', 'manager'].includes(role)`, `role === 'manager'`), which drifted from the
 * contract and showed consultants a check-in box the server then refused. Rights come from
 * `useCan(method)` (the contract's roles); the shell's menu from each route's method. A line that
 * states a service rule rather than a right says so (`/* service rule *\/`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/contract/index';
import { mayCall, rolesAllowed } from '../../shared/contract/permissions';
import { ROLES } from '../../shared/domain/roles';

const RENDERER = join(__dirname, '..', '..', 'renderer');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    // The one place that turns the contract's roles into answers.
    if (path.endsWith(join('ui', 'permissions.tsx'))) return [];
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A right decided by hand: a role compared with a staff role's name, or looked up in a list. */
const HAND_RIGHT = [/staff\.role\s*[!=]==\s*'(reception|guide|consultant|nurse|doctor|manager)'/, /\.includes\((session\.staff\.)?role\)/, /[A-Z_]*(ROLES|WRITERS)\.includes\(/];
/** The shell's menu reads each route's roles, which routes.tsx derives from the contract. */
const DERIVED = /route\.roles\.includes\(/;

describe('rights on screen', () => {
  it('come from the contract, never from a list of roles written in a screen', () => {
    const offending = sources(RENDERER).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ file: file.slice(RENDERER.length + 1), line: index + 1, text: line.trim() }))
        .filter(({ text }) => HAND_RIGHT.some((pattern) => pattern.test(text)) && !DERIVED.test(text) && !text.includes('/* service rule */')),
    );
    expect(offending).toEqual([]);
  });

  it('answer every role for every method exactly as the dispatcher will', () => {
    for (const method of methodNames) {
      const roles = contract[method].roles;
      for (const role of ROLES) expect(mayCall(role, method)).toBe(roles === 'public' || roles.includes(role));
    }
    expect(mayCall('nurse', 'visits.checkIn')).toBe(false);
    expect(mayCall('consultant', 'visits.checkIn')).toBe(false);
    expect(mayCall('guide', 'roster.confirm')).toBe(false);
    expect(rolesAllowed('roster.confirm')).toEqual(['reception', 'manager']);
  });
});

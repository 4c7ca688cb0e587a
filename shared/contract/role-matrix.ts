/**
 * Who may call what, as a Markdown table generated from the contract (issue 20: the role matrix of
 * docs/privacy.md, the substance of a PIPL Art. 55–56 assessment). A test keeps the document equal
 * to this, so a new method or a changed role shows there at once.
 */
import { ROLES } from '../domain/roles';
import { contract, methodNames } from './index';

/** One row per method: ✓ for each role that may call it; `public` methods need no sign-in. */
export function roleMatrixMarkdown(): string {
  const header = `| method | writes | ${ROLES.join(' | ')} |`;
  const rule = `|---|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = [...methodNames].sort().map((name) => {
    const spec = contract[name];
    const cells = ROLES.map((role) => (spec.roles === 'public' ? 'public' : (spec.roles as readonly string[]).includes(role) ? '✓' : ''));
    return `| \`${name}\` | ${spec.writes ? 'yes' : ''} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

export const ROLE_MATRIX_BEGIN = '<!-- role-matrix:begin (generated from the contract; the test shared/contract/role-matrix.test.ts keeps it current) -->';
export const ROLE_MATRIX_END = '<!-- role-matrix:end -->';

import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ROLE_MATRIX_BEGIN, ROLE_MATRIX_END, roleMatrixMarkdown } from './role-matrix';

const DOC = 'docs/privacy.md';

it("docs/privacy.md's role matrix is the contract's (FRONTDESK_WRITE_ROLE_MATRIX=1 rewrites it)", () => {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(ROLE_MATRIX_BEGIN);
  const end = doc.indexOf(ROLE_MATRIX_END);
  expect(start, 'the role-matrix markers in docs/privacy.md').toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const current = doc.slice(start + ROLE_MATRIX_BEGIN.length, end).trim();
  const generated = roleMatrixMarkdown();
  if (process.env.FRONTDESK_WRITE_ROLE_MATRIX === '1' && current !== generated) {
    writeFileSync(DOC, `${doc.slice(0, start + ROLE_MATRIX_BEGIN.length)}\n${generated}\n${doc.slice(end)}`);
    return;
  }
  expect(current).toBe(generated);
});

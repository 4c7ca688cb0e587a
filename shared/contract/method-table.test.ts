/**
 * The method table (method-table.ts) is the contract's `writes` and `roles`, method for method;
 * FRONTDESK_WRITE_METHOD_TABLE=1 rewrites it after a change to the contract. The compiler already
 * refuses a table that misses a method; this test catches a changed role or flag.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { contract, methodNames } from './index';
import { METHOD_TABLE } from './method-table';

const FILE = 'shared/contract/method-table.ts';
const BEGIN = '// method-table:begin';
const END = '// method-table:end';

function generated(): string {
  return [...methodNames]
    .sort()
    .map((name) => {
      const { writes, roles } = contract[name];
      return `  '${name}': { writes: ${String(writes)}, roles: ${roles === 'public' ? "'public'" : `[${roles.map((role) => `'${role}'`).join(', ')}]`} },`;
    })
    .join('\n');
}

it("the method table is the contract's writes and roles (FRONTDESK_WRITE_METHOD_TABLE=1 rewrites it)", () => {
  const source = readFileSync(FILE, 'utf8');
  const start = source.indexOf(BEGIN);
  const end = source.indexOf(END);
  expect(start, `the markers in ${FILE}`).toBeGreaterThanOrEqual(0);
  const current = source.slice(start + BEGIN.length, end).trim();
  if (process.env.FRONTDESK_WRITE_METHOD_TABLE === '1' && current !== generated().trim()) {
    writeFileSync(FILE, `${source.slice(0, start + BEGIN.length)}\n${generated()}\n  ${source.slice(end)}`);
    return;
  }
  expect(current).toBe(generated().trim());
  for (const name of methodNames) expect(METHOD_TABLE[name], name).toEqual({ writes: contract[name].writes, roles: contract[name].roles });
});

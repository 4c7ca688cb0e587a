/**
 * Issue 13 part 6, the class: a pasted 300-character name was cut to 40 by the input's
 * `maxLength` without a word, and saved cut. A text field of the console never cuts what is typed
 * or pasted: it counts (`count={{ max }}`) and the contract's schema says what is too long. Only
 * PIN fields (digits typed one by one, 8 at most) keep a `maxLength`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const RENDERER = join(__dirname, '..', '..', 'renderer');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx$/.test(name) ? [path] : [];
  });
}

it('no text field cuts what is typed or pasted (maxLength only on PIN fields)', () => {
  const cutting = sources(RENDERER).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((text, index) => ({ file: file.slice(RENDERER.length + 1), line: index + 1, text: text.trim() }))
      .filter(({ text }) => /\bmaxLength=\{/.test(text) && !/maxLength=\{8\}/.test(text))
      // The pairing page's one-time code (issue 15): six digits typed one by one, like a PIN.
      .filter(({ file, text }) => !(file === 'features/devices/pairing-page.tsx' && text === 'maxLength={6}')),
  );
  expect(cutting).toEqual([]);
});

// Issue 13 part 6: with no form of address on file, a 300-character name became the greeting
// and every card's headline. Every screen asks shared/domain/customers.ts (`addressFormOf`).
it('no screen falls back from the form of address to a whole name by itself', () => {
  const fallbacks = sources(RENDERER).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((text, index) => ({ file: file.slice(RENDERER.length + 1), line: index + 1, text: text.trim() }))
      .filter(({ text }) => /addressForm \?\? [\w.]*name\b/.test(text)),
  );
  expect(fallbacks).toEqual([]);
});

// Issue 13 part 6: the weekly roster named rooms by their code ("301") where every other page
// said "3 楼咨询一室". Every page names a room through shared/domain/rooms.ts.
it('no page names a room by its code or spells out a room label of its own', () => {
  const own = sources(RENDERER).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((text, index) => ({ file: file.slice(RENDERER.length + 1), line: index + 1, text: text.trim() }))
      .filter(({ text }) => /room\.code\b|\bfloor\}F\b/.test(text)),
  );
  expect(own).toEqual([]);
});

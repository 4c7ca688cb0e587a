/**
 * Issue 13 part 4: no form or answer anywhere shows zod's developer text ("Invalid input: expected
 * number, received undefined"). Every method's input of the contract, sent empty or with every
 * field of the wrong type, is said in words in both languages.
 */
import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../contract/index';
import { describeIssue } from './zod-message';

const DEVELOPER_TEXT = /Invalid input|expected \w+, received|received undefined|Invalid option|Unrecognized key/;

/** An input with each known key given a value of the wrong kind. */
function wrongKinds(keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, { wrong: true }]));
}

describe('describeIssue over the whole contract', () => {
  for (const language of ['zh-CN', 'en'] as const) {
    it(`says every refused input in words (${language})`, () => {
      const said: string[] = [];
      for (const name of methodNames) {
        const schema = contract[name].input;
        const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
        for (const input of [{}, undefined, wrongKinds(Object.keys(shape ?? {}))]) {
          const parsed = schema.safeParse(input, { reportInput: true });
          if (parsed.success) continue;
          for (const issue of parsed.error.issues) said.push(`${name}: ${describeIssue(language, issue)}`);
        }
      }
      expect(said.length).toBeGreaterThan(50);
      expect(said.filter((text) => DEVELOPER_TEXT.test(text))).toEqual([]);
    });
  }
});

/**
 * Bad inputs for one method of the contract, made from its zod input schema: a valid example is
 * taken apart one field at a time (dropped, of another type, too long, ill-formed text, a date
 * out of range, nested 10,000 deep, 100,000 long, unknown keys beside it), plus random values of
 * fast-check in the same places. Each case says what the answer must be; `fuzz-server.ts` sends it.
 */
import fc from 'fast-check';
import { findMethod } from '../../shared/contract/index';
import type { MethodSpec } from '../../shared/contract/define';
import { ROLES } from '../../shared/domain/roles';
import { firstIllFormedText } from '../../shared/contract/well-formed';
import { fieldsOf, maxLengthOf, objectPaths, setAt, validSample, type Field, type Path } from './schema-walk';

/** What the answer to a case must be, beyond "never 5xx, never a hang, a refusal changes nothing". */
export type Expectation =
  /** 400 `invalid`, its `path` starting with this one. */
  | { kind: 'invalid'; path: Path }
  /** This status and code (413 too large, 415 a body that is not JSON, 401, 403, 404). */
  | { kind: 'status'; status: number; code: string }
  /** A value the schema takes: any answer but a 5xx (a 404 or 409 from the handler is fine). */
  | { kind: 'any' };

export interface BadCase {
  method: string;
  /** What was done, for the tables and failure messages: `missing customerId`, `415 text/plain`. */
  label: string;
  /** The request body as sent (already JSON text, or not JSON at all), or null for none. */
  body: string | null;
  headers: Record<string, string>;
  /** Who calls: a role allowed to, nobody, or a role the method refuses. */
  as: 'allowed' | 'nobody' | 'forbidden';
  /** Sent in pieces, this long apart (a slow client). */
  slowChunks?: { count: number; gapMs: number };
  /** Half the body is sent under a Content-Length of all of it, and then nothing (a stalled client). */
  stall?: boolean;
  expect: Expectation;
}

const JSON_TYPE = { 'content-type': 'application/json' };
/** Replaced after JSON.stringify by a raw text the value cannot be (10,000-deep nesting). */
const RAW_MARK = '\u0000raw-mark\u0000';
export const DEEP_ARRAY = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
export const DEEP_OBJECT = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
/**
 * A client that stops half-way through its body: the server must give up on it (408) rather than
 * hold the connection for ever. Answered after the server's request timeout (2 s in the fuzz server).
 */
export function stalledBodyCase(method: string): BadCase {
  return { method, label: 'body stalled half-way', body: '{"unexpected":"xxxxxxxxxxxxxxxx"}', headers: JSON_TYPE, as: 'allowed', stall: true, expect: { kind: 'status', status: 408, code: '' } };
}

export const OVER_BODY_LIMIT = 1024 * 1024 + 1;
const OVER_LIMIT_BODY = `{"a":"${'x'.repeat(OVER_BODY_LIMIT)}"}`;
/** As deep as a body under the limit can be: JSON.parse takes it; nothing after it may recurse on it. */
export const DEEPEST_BODY = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;

/** The texts that look like text but are not what a clinic means (each accepted or refused, never a 500). */
export const ODD_TEXTS = [
  'a\uD800b', // a lone high surrogate
  '\uDC00', // a lone low surrogate
  'x\u200B\u200C\u200D\uFEFFy', // zero-width characters
  '\u202Eabc\u202C', // right-to-left override
  '\u0000', // NUL
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '👩‍⚕️🏥', // a ZWJ emoji sequence
  '\u2028\u2029', // line and paragraph separators
  '<script>alert(1)</script>',
  "'; DROP TABLE customers; --",
];

/** Dates and times out of any calendar or range. */
export const ODD_TIMES = [
  '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '+275760-09-13', '-002026-11-24', '1969-12-31', '2026-11-24T10:30',
  '24:00', '23:60', '-1:00', '9:5', '99:99', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '2026-11-24T25:00:00Z', '',
];

export const ODD_NUMBERS = [-1, 0, -0, 1.5, -2147483649, 2 ** 53 + 2, 1e308, -1e308, 1e-300];

/** A key that no input has, including ones that mean something to JavaScript. */
export const UNKNOWN_KEYS = ['unexpected', '__proto__', 'constructor', 'prototype', '', ' ', '\u202Eid', '\uD800', 'x'.repeat(1000), 'toString'];

function encode(value: unknown, raw?: string): string {
  const text = JSON.stringify(value);
  return raw === undefined ? text : text.replace(JSON.stringify(RAW_MARK), raw);
}

/**
 * What the dispatcher must answer to `value` (already parsed): ill-formed text first, then the
 * schema. `mutated` is where the change was made; a refusal must name it (or a place inside it).
 */
export function expectationOf(spec: MethodSpec, value: unknown, mutated: Path): Expectation {
  const illFormed = firstIllFormedText(value);
  if (illFormed !== null) return { kind: 'invalid', path: illFormed };
  // A body of JSON `null` is no input, like an empty body (the dispatcher reads both as `{}`).
  const parsed = spec.input.safeParse(value ?? {});
  if (parsed.success) return { kind: 'any' };
  const issue = parsed.error.issues[0];
  // A refusal by an object-level rule (red after amber) names the rule's field, not the mutated one.
  const pathOfIssue = (issue?.path ?? []).map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  const startsAtMutation = mutated.every((segment, index) => pathOfIssue[index] === segment);
  return { kind: 'invalid', path: startsAtMutation || issue?.code === 'unrecognized_keys' ? mutated : pathOfIssue };
}

export interface MethodFuzz {
  method: string;
  spec: MethodSpec;
  sample: unknown;
  fields: Field[];
  /**
   * Every case made by rule (no randomness), each made when asked for: made all at once, the
   * 500,000-long strings and 100,000-long arrays of every method cost seconds.
   */
  fixed: (() => BadCase)[];
  /** Random bad inputs in the same places. */
  random: fc.Arbitrary<BadCase>;
}

/** The cases of one method; throws when no valid example of its input can be made. */
export function fuzzMethod(method: string): MethodFuzz {
  const spec = findMethod(method);
  if (!spec) throw new Error(`${method} is not in the contract`);
  const sample = validSample(spec.input);
  if (!spec.input.safeParse(sample).success) {
    throw new Error(`no valid example of ${method}'s input (add a candidate to schema-walk.ts): ${JSON.stringify(sample)}`);
  }
  const fields = fieldsOf(spec.input, sample);
  const objects = objectPaths(spec.input, sample);
  const json = (label: string, value: unknown, mutated: Path, raw?: string): BadCase => ({
    method,
    label,
    body: encode(value, raw),
    headers: JSON_TYPE,
    as: 'allowed',
    expect: raw === undefined ? expectationOf(spec, value, mutated) : { kind: 'invalid', path: mutated },
  });
  const at = (path: Path, replacement: unknown) => setAt(sample, path, replacement);
  const name = (path: Path) => path.join('.') || '(input)';

  const fixed: (() => BadCase)[] = [];
  for (const field of fields) {
    const where = name(field.path);
    if (!field.optional) fixed.push(() => json(`missing ${where}`, setAt(sample, field.path, undefined, true), field.path));
    for (const swapped of ['x', 7, true, null, [], {}, [1, 2], { a: 1 }]) {
      fixed.push(() => json(`${where} as ${JSON.stringify(swapped)}`, at(field.path, swapped), field.path));
    }
    fixed.push(() => json(`${where} nested 10,000 deep`, at(field.path, RAW_MARK), field.path, DEEP_ARRAY));
    fixed.push(() => json(`${where} as 100,000 items`, at(field.path, new Array<number>(100_000).fill(1)), field.path));
    if (field.kind === 'string' || field.kind === 'enum') {
      const max = maxLengthOf(field.schema);
      if (max !== null) fixed.push(() => json(`${where} ${String(max + 1)} long`, at(field.path, 'x'.repeat(max + 1)), field.path));
      fixed.push(() => json(`${where} 500,000 long`, at(field.path, 'x'.repeat(500_000)), field.path));
      for (const text of [...ODD_TEXTS, ...ODD_TIMES]) fixed.push(() => json(`${where} = ${JSON.stringify(text).slice(0, 40)}`, at(field.path, text), field.path));
    }
    if (field.kind === 'number') {
      for (const number of ODD_NUMBERS) fixed.push(() => json(`${where} = ${String(number)}`, at(field.path, number), field.path));
    }
  }
  for (const objectPath of objects) {
    for (const key of UNKNOWN_KEYS) {
      const target = objectPath.reduce<unknown>((inner, segment) => (inner as Record<string | number, unknown>)[segment], sample);
      fixed.push(() => json(`unknown key ${JSON.stringify(key).slice(0, 30)} at ${name(objectPath)}`, setAt(sample, objectPath, setAt(target, [key], 1)), [...objectPath, key]));
    }
  }
  // The whole input of another type.
  for (const whole of [[], 'x', 1, true, [sample], [{}]]) fixed.push(() => json(`input as ${JSON.stringify(whole).slice(0, 30)}`, whole, []));
  fixed.push(() => json('input nested 10,000 deep (array)', RAW_MARK, [], DEEP_ARRAY));
  fixed.push(() => json('input nested 10,000 deep (object)', RAW_MARK, [], DEEP_OBJECT));
  fixed.push(...rawHttpCases(method, spec, sample).map((badCase) => () => badCase));

  return { method, spec, sample, fields, fixed, random: randomCases(method, spec, sample, fields, objects) };
}

/** What the transport itself must refuse, whatever the method: not JSON, not a body it takes. */
function rawHttpCases(method: string, spec: MethodSpec, sample: unknown): BadCase[] {
  const raw = (label: string, body: string | null, headers: Record<string, string>, expect: Expectation, extra: Partial<BadCase> = {}): BadCase => ({
    method, label, body, headers, as: 'allowed', expect, ...extra,
  });
  const malformed: Expectation = { kind: 'status', status: 400, code: 'invalid' };
  const unsupported: Expectation = { kind: 'status', status: 415, code: 'unsupported' };
  const good = JSON.stringify(sample);
  const extraKey = JSON.stringify({ ...(sample as object), unexpected: 1 });
  const cases: BadCase[] = [
    ...['{', '{"a":', 'nul', '{}x', "{'a':1}", '{"a":NaN}', '[1,]', '\u0000', '{"a":1}}', '"\uD800"x', '{"a": 1e999999}x'].map((text) =>
      raw(`malformed JSON ${JSON.stringify(text)}`, text, JSON_TYPE, malformed),
    ),
    raw('UTF-8 byte order mark before the JSON', `\uFEFF${good}`, JSON_TYPE, { kind: 'any' }),
    raw('text/plain', good, { 'content-type': 'text/plain' }, unsupported),
    raw('no content-type', good, {}, unsupported),
    raw('form-urlencoded', 'a=1&b=2', { 'content-type': 'application/x-www-form-urlencoded' }, unsupported),
    raw('multipart', '--x\r\n\r\n--x--', { 'content-type': 'multipart/form-data; boundary=x' }, unsupported),
    raw('application/jsonx', good, { 'content-type': 'application/jsonx' }, unsupported),
    raw('content-type garbage', good, { 'content-type': ';;;' }, unsupported),
    raw('gzip-encoded body', good, { ...JSON_TYPE, 'content-encoding': 'gzip' }, unsupported),
    raw('input nested 500,000 deep (just under 1 MB)', DEEPEST_BODY, JSON_TYPE, { kind: 'invalid', path: [] }),
    raw('body over 1 MB', OVER_LIMIT_BODY, JSON_TYPE, { kind: 'status', status: 413, code: 'too_large' }),
    raw('unknown key, sent slowly in 5 pieces', extraKey, JSON_TYPE, { kind: 'invalid', path: ['unexpected'] }, { slowChunks: { count: 5, gapMs: 40 } }),
    raw('empty body', '', JSON_TYPE, expectationOf(spec, {}, [])),
    raw('no body', null, {}, expectationOf(spec, {}, [])),
    raw('JSON null', 'null', JSON_TYPE, expectationOf(spec, {}, [])),
  ];
  if (spec.roles !== 'public') {
    cases.push(raw('nobody signed in', extraKey, JSON_TYPE, { kind: 'status', status: 401, code: 'unauthenticated' }, { as: 'nobody' }));
    if (ROLES.some((role) => !(spec.roles as readonly string[]).includes(role))) cases.push(raw('a role it refuses', extraKey, JSON_TYPE, { kind: 'status', status: 403, code: 'forbidden' }, { as: 'forbidden' }));
  }
  return cases;
}

/**
 * Any code point, lone surrogates included, as one character. (fast-check's own `unit: 'binary'`
 * takes seconds to build, once per process: longer than the test's whole budget for it.)
 */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));

/** fast-check's values in the places of the fields: any JSON, any text, any number, any key. */
function randomCases(method: string, spec: MethodSpec, sample: unknown, fields: Field[], objects: Path[]): fc.Arbitrary<BadCase> {
  const toCase = (label: string, value: unknown, mutated: Path): BadCase => ({
    method, label, body: encode(value), headers: JSON_TYPE, as: 'allowed', expect: expectationOf(spec, value, mutated),
  });
  const text = fc.oneof(
    fc.string({ unit: anyCodePoint, maxLength: 80 }),
    fc.string({ maxLength: 20 }).chain((base) => fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => `${base}${String.fromCharCode(unit)}`)),
    fc.tuple(fc.integer({ min: -300_000, max: 300_000 }), fc.integer({ min: -1, max: 99 }), fc.integer({ min: -1, max: 99 })).map(
      ([year, month, day]) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    ),
    fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((date) => date.toISOString()),
    fc.tuple(fc.integer({ min: -5, max: 130 }), fc.integer({ min: -5, max: 130 })).map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`),
  );
  // Finite only: JSON sends NaN and ±Infinity as null, a value of its own (a nullable field takes
  // it), which the 10,000-a-method run judged as a wrong answer (2026-12-04).
  const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(Number));
  const anyJson = fc.jsonValue({ maxDepth: 4 });
  const leaf = fields.length > 0 ? fc.constantFrom(...fields) : null;
  const options: fc.Arbitrary<BadCase>[] = [
    anyJson.map((value) => toCase(`input = random JSON`, value, [])),
    fc.tuple(fc.constantFrom(...objects), fc.string({ unit: anyCodePoint, maxLength: 12 }), anyJson).map(([objectPath, key, value]) => {
      const target = objectPath.reduce<unknown>((inner, segment) => (inner as Record<string | number, unknown>)[segment], sample);
      return toCase(`unknown key ${JSON.stringify(key)}`, setAt(sample, objectPath, setAt(target, [key], value)), [...objectPath, key]);
    }),
  ];
  const required = fields.filter((field) => !field.optional);
  if (required.length > 0) {
    options.push(
      fc.subarray(required, { minLength: 1 }).map((dropped) => {
        const value = dropped.reduce<unknown>((inner, field) => setAt(inner, field.path, undefined, true), sample);
        return toCase(`missing ${dropped.map((field) => field.path.join('.')).join(', ')}`, value, []);
      }),
    );
  }
  if (leaf) {
    options.push(
      fc.tuple(leaf, anyJson).map(([field, value]) => toCase(`${field.path.join('.')} = random JSON`, setAt(sample, field.path, value), field.path)),
      fc.tuple(leaf, text).map(([field, value]) => toCase(`${field.path.join('.')} = random text`, setAt(sample, field.path, value), field.path)),
      fc.tuple(leaf, number).map(([field, value]) => toCase(`${field.path.join('.')} = random number`, setAt(sample, field.path, value), field.path)),
    );
  }
  return fc.oneof(...options);
}

/**
 * Issue 19, bad input: every method of the contract (read from the contract, so a new one is not
 * forgotten) is sent generated bad inputs over real HTTP, on a real SQLite file. Every answer must
 * be a 4xx in the error shape — 400 naming the field, 401/403/404/409/413/415 where they fit —
 * never a 5xx, never a hang, and a refused call changes no table (a checksum of every row).
 *
 * A few hundred inputs here, seeded: FRONTDESK_FUZZ_SEED replays another run (fast-check prints
 * the seed and the shrunk input of a failure). `npm run bench -- --fuzz` sends 10,000 per method.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/contract/index';
import { firstIllFormedText } from '../../shared/contract/well-formed';
import { DEEP_ARRAY, DEEPEST_BODY, fuzzMethod, stalledBodyCase, type BadCase, type MethodFuzz } from '../fuzz/bad-inputs';
import { startFuzzServer, type FuzzServer } from '../fuzz/fuzz-server';
import { looseObjects } from '../fuzz/schema-walk';

const SEED = Number(process.env.FRONTDESK_FUZZ_SEED ?? 20261124);
/** Generated inputs per method (plus the fixed cases below): ~6 × 53 methods. */
const RUNS_PER_METHOD = 6;
const JSON_TYPE = { 'content-type': 'application/json' };

let server: FuzzServer;
const fuzzes = new Map<string, MethodFuzz>();
const fuzzOf = (method: string) => {
  const known = fuzzes.get(method) ?? fuzzMethod(method);
  fuzzes.set(method, known);
  return known;
};

beforeAll(async () => {
  server = await startFuzzServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

async function expectHandled(badCase: BadCase) {
  const verdict = await server.send(badCase);
  expect(verdict.problem, `${badCase.method} · ${badCase.label}: ${JSON.stringify(verdict.answer.body)?.slice(0, 300)}`).toBeNull();
  return verdict.answer;
}

const invalid = (method: string, label: string, body: string, path: (string | number)[]): BadCase => ({
  method, label, body, headers: JSON_TYPE, as: 'allowed', expect: { kind: 'invalid', path },
});

describe('the contract, read as data', () => {
  it('refuses unknown keys in every input object (strict), so a misspelt field is never dropped silently', () => {
    const loose = methodNames.flatMap((method) => looseObjects(contract[method].input, method));
    expect(loose).toEqual([]);
  });

  it('has a valid example of every method input, from which the bad ones are made', () => {
    for (const method of methodNames) expect(() => fuzzOf(method), method).not.toThrow();
    expect(fuzzes.size).toBe(methodNames.length);
  });

  it('finds ill-formed text anywhere in an input, 10,000 deep without a stack overflow', () => {
    expect(firstIllFormedText({ a: ['ok', { b: 'x\uD800' }] })).toEqual(['a', 1, 'b']);
    expect(firstIllFormedText({ '\uDC00': 1 })).toEqual(['\uDC00']);
    expect(firstIllFormedText({ name: 'a\u0000' })).toEqual(['name']);
    expect(firstIllFormedText({ name: '王丽 👩‍⚕️ \u200B\u202E' })).toBeNull();
    expect(firstIllFormedText(JSON.parse(DEEP_ARRAY))).toBeNull();
  });
});

// Each defect the fuzzing found, kept as its own case (issue 19, part 2).
describe('the defects the fuzzing found stay fixed', () => {
  it('names the unknown key itself, at the top and inside a nested object or array', async () => {
    const top = await expectHandled(invalid('customers.get', 'unknown key', '{"id":1,"colour":"red"}', ['colour']));
    expect(top.body).toMatchObject({ error: { path: ['colour'], message: 'Unknown fields: colour' } });
    const template = fuzzOf('roster.setTemplate').sample as { shift: object };
    await expectHandled(invalid('roster.setTemplate', 'unknown key in shift', JSON.stringify({ ...template, shift: { ...template.shift, x: 1 } }), ['shift', 'x']));
    const checklist = fuzzOf('checklists.saveTemplate').sample as { items: object[] };
    await expectHandled(invalid('checklists.saveTemplate', 'unknown key in an item', JSON.stringify({ ...checklist, items: [{ ...checklist.items[0], x: 1 }] }), ['items', 0, 'x']));
    await expectHandled(invalid('customers.get', '__proto__ as a key', '{"id":1,"__proto__":{"role":"manager"}}', ['__proto__']));
  });

  it('answers an input nested 500,000 deep (the deepest under 1 MB) with a 400, not a stack overflow', async () => {
    await expectHandled(invalid('customers.create', '500,000 deep', DEEPEST_BODY, []));
    await expectHandled(invalid('visits.cards', '500,000 deep ids', `{"ids":${DEEPEST_BODY.slice(2, -2)}}`, ['ids']));
  });

  it('names the field of the closest option of a union (a check-in), not the whole input', async () => {
    await expectHandled(invalid('visits.checkIn', 'appointmentId nested deep', `{"appointmentId":${DEEP_ARRAY}}`, ['appointmentId']));
    await expectHandled(invalid('visits.checkIn', 'walk-in without a customer', '{"walkIn":{}}', ['walkIn', 'customerId']));
  });

  it('answers 415 to a body that is not JSON, and to a compressed one', async () => {
    const unsupported = { kind: 'status', status: 415, code: 'unsupported' } as const;
    for (const headers of [{ 'content-type': 'text/plain' }, {}, { 'content-type': 'application/x-www-form-urlencoded' }, { ...JSON_TYPE, 'content-encoding': 'gzip' }]) {
      await expectHandled({ method: 'customers.get', label: JSON.stringify(headers), body: '{"id":1}', headers, as: 'allowed', expect: unsupported });
    }
  });

  it('still takes JSON with a charset or in capitals, and no body without a type', async () => {
    for (const headers of [{ 'content-type': 'application/json; charset=utf-8' }, { 'content-type': 'APPLICATION/JSON' }]) {
      const answer = await expectHandled({ method: 'auth.me', label: JSON.stringify(headers), body: '{}', headers, as: 'allowed', expect: { kind: 'any' } });
      expect(answer.status).toBe(200);
    }
    const bare = await expectHandled({ method: 'auth.me', label: 'no body, no type', body: null, headers: {}, as: 'allowed', expect: { kind: 'any' } });
    expect(bare.status).toBe(200);
  });

  it('gives up on a body that stalls half-way with a 408 (it held the connection for ever), changing nothing', async () => {
    const answer = await expectHandled(stalledBodyCase('customers.create'));
    expect(answer.status).toBe(408);
  });

  it('refuses text that cannot be stored as sent: a lone surrogate or a NUL (a NUL was a 500)', async () => {
    const answer = await expectHandled(invalid('settings.update', 'lone surrogate', JSON.stringify({ clinicName: 'a\uD800b' }), ['clinicName']));
    expect((answer.body as { error: { message: string } }).error.message).toMatch(/cannot be stored/);
    await expectHandled(invalid('items.save', 'NUL name', JSON.stringify({ nameZh: '\u0000', nameEn: 'x', active: true, sort: 1 }), ['nameZh']));
    await expectHandled(invalid('customers.search', 'lone low surrogate', JSON.stringify({ query: '\uDC00' }), ['query']));
  });

  it('names a checklist item\'s room that does not exist (it was a foreign-key failure answered 500)', async () => {
    const body = JSON.stringify({ nameZh: '大堂检查', nameEn: 'Lobby check', dueTime: '10:30', role: 'reception', items: [{ textZh: '灯', textEn: 'Lights', kind: 'tick', roomId: 1_284_228_689 }] });
    const answer = await expectHandled({ method: 'checklists.saveTemplate', label: 'a room that does not exist', body, headers: JSON_TYPE, as: 'allowed', expect: { kind: 'status', status: 404, code: 'not_found' } });
    expect((answer.body as { error: { path: unknown } }).error.path).toEqual(['items', 0, 'roomId']);
  });

  it('refuses clinic days past 2999 (roster.week of 9999-12-31 was a 500) and before 1900', async () => {
    await expectHandled(invalid('roster.week', 'far future', '{"weekStart":"9999-12-31"}', ['weekStart']));
    await expectHandled(invalid('appointments.listDay', 'far past', '{"date":"0100-01-01"}', ['date']));
  });
});

describe('generated bad inputs, every method over HTTP', () => {
  it('answers each with a 4xx naming the field, never a 5xx or a hang, and changes no table on a refusal', async () => {
    let tried = 0;
    for (const method of methodNames) {
      const fuzz = fuzzOf(method);
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.constantFrom(...fuzz.fixed).map((make) => make()), fuzz.random), async (badCase) => {
          tried += 1;
          const verdict = await server.send(badCase);
          if (verdict.problem) throw new Error(`${method} · ${badCase.label}: ${verdict.problem} (seed ${String(SEED)})`);
        }),
        { seed: SEED, numRuns: RUNS_PER_METHOD, endOnFailure: true },
      );
    }
    expect(tried).toBeGreaterThanOrEqual(methodNames.length * RUNS_PER_METHOD);
    expect(server.errors).toEqual([]);
  }, 120_000);

  it('answers an unknown method 404, whatever its name', async () => {
    for (const method of ['nope.nope', '__proto__', 'constructor', 'toString', 'auth.signIn.x', '%E0%A4%A']) {
      await expectHandled({ method, label: 'unknown method', body: '{}', headers: JSON_TYPE, as: 'allowed', expect: { kind: 'status', status: 404, code: 'not_found' } });
    }
  });
});

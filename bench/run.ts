/**
 * `npm run bench [-- --smoke] [-- --out FILE]`: measures the console's calls against a floor taken
 * in the same run (the same SQL on raw better-sqlite3, or the layer below), prints a table and
 * writes it as JSON. `--smoke` runs a few repetitions only, to keep the benchmark working in CI.
 * The five-year data set and the browser rows come with the performance issue.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Caller } from '../electron/api/context';
import { systemClock } from '../electron/core/clock';
import { createCore } from '../electron/core/create-core';
import { appointmentsBetweenQuery } from '../electron/db/repositories/appointments';
import { seedDemoClinic } from '../electron/demo/seed-demo';
import { createHttpServer } from '../electron/server/http-server';
import { createAppointmentService } from '../electron/services/appointment-service';
import { clinicDateOf, clinicDayRange } from '../shared/domain/clinic-time';
import { compare, formatTable, type Row } from './measure';

async function main() {
  const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, out: { type: 'string', default: 'bench/results.json' } } });
  const runs = values.smoke ? 40 : 2000;
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'));
  const core = await createCore({ file: join(dir, 'bench.sqlite') });
  try {
    const now = systemClock.now();
    const today = clinicDateOf(now, 'Asia/Shanghai');
    await seedDemoClinic(core.database.db, today, now);
    const staff = await core.database.db.selectFrom('staff').select('id').where('role', '=', 'reception').executeTakeFirstOrThrow();
    const signIn = await core.dispatcher.dispatch('auth.signIn', { staffId: staff.id, pin: '1234' }, { transport: 'internal', token: null, device: 'bench', language: 'en' });
    if (!signIn.ok) throw new Error(signIn.error.message);
    const token = (signIn.value as { token: string }).token;
    const caller: Caller = { transport: 'internal', token, device: 'bench', language: 'en' };
    const service = createAppointmentService();
    const range = clinicDayRange(today, 'Asia/Shanghai');

    // The floor of the day list: Kysely's own SQL as one prepared statement on raw better-sqlite3.
    const compiled = appointmentsBetweenQuery(core.database.db, range.start, range.end).compile();
    const statement = core.database.sqlite.prepare(compiled.sql);
    const parameters = compiled.parameters as unknown[];

    const rows: Row[] = [];
    rows.push(
      await compare('day list (service vs raw SQL)', () => service.listDay(core.database.db, today, now), () => statement.all(...parameters), runs, {
        maxRatio: 1.3,
        text: '≤ 1.3× floor',
      }),
    );
    rows.push(
      await compare(
        'dispatcher cost (appointments.listDay)',
        () => core.dispatcher.dispatch('appointments.listDay', { date: today }, caller),
        () => service.listDay(core.database.db, today, now),
        runs,
        { maxRatio: 1.3, text: '≤ 1.3× service' },
      ),
    );

    const server = await createHttpServer({ core, version: 'bench' });
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    const body = JSON.stringify({});
    rows.push(
      await compare(
        'HTTP round trip (auth.me)',
        async () => {
          const response = await fetch(`${base}/api/auth.me`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
          await response.arrayBuffer();
        },
        () => core.dispatcher.dispatch('auth.me', {}, caller),
        runs,
        { maxP50: 1, text: 'p50 ≤ 1 ms' },
      ),
    );
    await server.close();

    console.log(formatTable(rows));
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
      smoke: values.smoke,
      runs,
      rows,
    };
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, JSON.stringify(report, null, 2));
    console.log(`\nwritten to ${values.out}`);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The load test's wire: JSON calls to `/api/<method>` with a Bearer token on a keep-alive socket of
 * the client's own (one desk, one connection), every call timed and counted per method; and event
 * streams read to the end, frame by frame.
 */
import { Agent, request, type ClientRequest } from 'node:http';

export interface MethodStats {
  /** Every call, the warm-up's too. */
  calls: number;
  /** The durations of the calls after the warm-up that succeeded. */
  durations: number[];
  errors: number;
  /** The first few failures, for the report. */
  samples: string[];
}

/** Every call's duration and failure, per method name, shared by all clients of one run. */
export class CallLog {
  readonly methods = new Map<string, MethodStats>();
  /** Calls made before this moment (performance.now()) are the warm-up: counted for errors, not timed. */
  timedFrom = 0;

  record(method: string, startedMs: number, ms: number, error: string | null): void {
    const stats = this.methods.get(method) ?? { calls: 0, durations: [], errors: 0, samples: [] };
    this.methods.set(method, stats);
    stats.calls += 1;
    if (error !== null) {
      stats.errors += 1;
      if (stats.samples.length < 3) stats.samples.push(error);
    } else if (startedMs >= this.timedFrom) {
      stats.durations.push(ms);
    }
  }

  errorCount(): number {
    let total = 0;
    for (const stats of this.methods.values()) total += stats.errors;
    return total;
  }
}

export class CallFailed extends Error {}

/** One desk: its own keep-alive connection and its session. */
export class LoadClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  token: string | null = null;

  constructor(
    private readonly base: string,
    private readonly log: CallLog,
  ) {}

  /** Calls `method`; a non-2xx answer or a broken connection is recorded as an error and thrown. */
  async call<T>(method: string, input: unknown): Promise<T> {
    const started = performance.now();
    try {
      const { status, body } = await this.post(method, input);
      const ms = performance.now() - started;
      if (status < 200 || status > 299) {
        const message = `${String(status)} ${body.slice(0, 200)}`;
        this.log.record(method, started, ms, message);
        throw new CallFailed(`${method}: ${message}`);
      }
      this.log.record(method, started, ms, null);
      return JSON.parse(body) as T;
    } catch (error) {
      if (error instanceof CallFailed) throw error;
      const message = error instanceof Error ? error.message : String(error);
      this.log.record(method, started, performance.now() - started, message);
      throw new CallFailed(`${method}: ${message}`);
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private post(method: string, input: unknown): Promise<{ status: number; body: string }> {
    const payload = JSON.stringify(input);
    return new Promise((resolve, reject) => {
      const outgoing: ClientRequest = request(
        `${this.base}/api/${method}`,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      outgoing.setTimeout(30_000, () => outgoing.destroy(new Error('no answer within 30 s')));
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }
}

export interface EventStream {
  /** Frames with an `event:` line received so far (notices and `ready`). */
  events: number;
  /** Heartbeat comments received. */
  pings: number;
  /** Why the stream ended or failed before it was closed on purpose, or null. */
  failure: string | null;
  /** Resolves once `ready` arrived. */
  ready: Promise<void>;
  close(): void;
}

/** Opens `/api/events` with `token` and counts what arrives until `close()`. */
export function openEventStream(base: string, token: string): EventStream {
  let closing = false;
  let markReady: () => void = () => undefined;
  let failReady: (error: Error) => void = () => undefined;
  const stream: EventStream = {
    events: 0,
    pings: 0,
    failure: null,
    ready: new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    }),
    close: () => {
      closing = true;
      outgoing.destroy();
    },
  };
  const fail = (why: string) => {
    if (closing || stream.failure !== null) return;
    stream.failure = why;
    failReady(new Error(why));
  };
  let buffer = '';
  const outgoing = request(`${base}/api/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (response) => {
    if (response.statusCode !== 200) fail(`answered ${String(response.statusCode)}`);
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^event: signedOut$/m.test(frame)) fail('signed out');
        else if (/^event: ready$/m.test(frame)) {
          stream.events += 1;
          markReady();
        } else if (/^event: /m.test(frame)) stream.events += 1;
        else if (frame.startsWith(':')) stream.pings += 1;
        end = buffer.indexOf('\n\n');
      }
    });
    response.on('end', () => fail('the server ended the stream'));
    response.on('error', (error) => fail(error.message));
  });
  outgoing.on('error', (error) => fail(error.message));
  outgoing.end();
  return stream;
}

import { describe, expect, it, vi } from 'vitest';
import type { ChangeNotice } from '../../shared/contract/events';
import { standInEventServer, type ConnectionScript } from '../../tests/helpers/stand-in-event-server';
import { followEventStream } from './event-stream';
import type { ConnectionState, StreamStart } from './transport';

/** Follows the stand-in server's scripts, recording what the stream reports. */
function follow(scripts: ConnectionScript[]) {
  const server = standInEventServer(scripts);
  const notices: ChangeNotice[] = [];
  const states: string[] = [];
  const signedOut = vi.fn();
  const stop = followEventStream({
    url: '/api/events',
    token: 'T0KEN',
    fetch: server.fetch,
    wait: () => Promise.resolve(),
    onNotice: (notice) => notices.push(notice),
    onConnection: (state: ConnectionState, start?: StreamStart) => states.push(start ? `${state} ${start}` : state),
    onSignedOut: signedOut,
  });
  return { server, notices, states, signedOut, stop };
}

describe('followEventStream', () => {
  it('reads notices as the SSE standard writes them: CRLF, data over several lines, chunks cut anywhere', async () => {
    const text =
      'retry: 2000\r\n\r\n' +
      'id: e1-0\r\nevent: ready\r\ndata: {"resumed":false}\r\n\r\n' +
      ': ping\r\n\r\n' +
      'id: e1-1\r\nevent: visits.changed\r\ndata: {"ids":\r\ndata: [1,\r\ndata: 2]}\r\n\r\n' +
      'id: e1-2\nevent: customers.changed\ndata: {"ids":[3]}\n\n' +
      'id: e1-3\revent: no.suchEvent\rdata: {}\r\r';
    // Cut between \r and \n, inside a field name and inside the data.
    const chunks = [text.slice(0, 15), text.slice(15, 40), text.slice(40, 97), text.slice(97, 98), text.slice(98)];
    const stream = follow([() => chunks]);
    await vi.waitFor(() => expect(stream.server.requests).toHaveLength(2));
    stream.stop();
    expect(stream.notices).toEqual([
      { name: 'visits.changed', payload: { ids: [1, 2] } },
      { name: 'customers.changed', payload: { ids: [3] } },
    ]);
    expect(stream.states.slice(0, 3)).toEqual(['connecting', 'open fresh', 'closed']);
    expect(stream.server.requests[0]).toMatchObject({ authorization: 'Bearer T0KEN', accept: 'text/event-stream' });
    // The next connection names the last id seen, even of an event it did not know.
    expect(stream.server.requests[1]?.['last-event-id']).toBe('e1-3');
  });

  it('starts its first connection from the id an earlier answer named (the early board), later ones from the last seen', async () => {
    const server = standInEventServer([() => ['id: e1-9\nevent: ready\ndata: {"resumed":true}\n\n'], () => []]);
    const states: string[] = [];
    const stop = followEventStream({
      url: '/api/events',
      token: 'T0KEN',
      fetch: server.fetch,
      wait: () => Promise.resolve(),
      resumeFrom: Promise.resolve('e1-7'),
      onNotice: () => undefined,
      onConnection: (state, start) => states.push(start ? `${state} ${start}` : state),
      onSignedOut: () => undefined,
    });
    await vi.waitFor(() => expect(server.requests.length).toBeGreaterThanOrEqual(2));
    stop();
    expect(server.requests.slice(0, 2).map((headers) => headers['last-event-id'])).toEqual(['e1-7', 'e1-9']);
    expect(states).toContain('open resumed');
  });

  it('stops for good when the server says the session is over', async () => {
    const stream = follow([() => ['event: signedOut\ndata: {}\n\n']]);
    await vi.waitFor(() => expect(stream.signedOut).toHaveBeenCalledOnce());
    expect(stream.server.requests).toHaveLength(1);
    expect(stream.states).toEqual(['connecting', 'closed']);
  });
});

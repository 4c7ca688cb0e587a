/**
 * A stand-in for `GET /api/events`, as the `fetch` of renderer/client/event-stream.ts: each
 * connection answers with the next script's text chunks and ends (a dropped connection); once the
 * scripts run out, a connection stays open until the client stops it.
 */

/** One connection's answer: the chunks of its body, given the request's headers. */
export type ConnectionScript = (headers: Headers) => string[];

export interface StandInEventServer {
  fetch: typeof fetch;
  /** The headers of every connection so far, lower-cased names. */
  requests: Record<string, string>[];
}

export function standInEventServer(scripts: ConnectionScript[]): StandInEventServer {
  const requests: Record<string, string>[] = [];
  const fetch = async (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    requests.push(Object.fromEntries(headers.entries()));
    const script = scripts.shift();
    if (!script) {
      // Open until the client aborts, like a quiet stream.
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError')));
      });
    }
    const encoder = new TextEncoder();
    const chunks = script(headers);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch, requests };
}

/**
 * Answers a request on `app://console/...` from the built renderer folder, with the same
 * Content-Security-Policy as the browser mode. No Electron import: it takes a fetch `Request`
 * and gives a `Response`, so the protocol handler stays one line.
 *
 * - `/` and page paths without a file (`/display`, `/board`) get `index.html` (the single-page app).
 * - a missing file with an extension (`/assets/gone.js`) is a 404, not a page.
 * - anything that would leave the folder (`..`, encoded or not, NUL) is a 403.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { cspHeader } from '../server/http-server';
import { APP_SCHEME, CONSOLE_HOST } from './console-url';

const INDEX_FILE = 'index.html';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type of a file by its extension; unknown ones are opaque bytes. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function baseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': cspHeader(),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: baseHeaders('text/plain; charset=utf-8') });
}

/**
 * The file under `rendererDir` that a URL path names, or null when the path tries to leave it.
 * The URL parser already folds literal `..`; this also refuses encoded ones (`..%2f`) and
 * Windows separators.
 */
export function resolveRendererPath(rendererDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded.split(/[\\/]/).some((segment) => segment === '..')) return null;
  const root = resolve(rendererDir);
  const target = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const inside = relative(root, target);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return target;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The response to one `app://` request. */
export async function respondFromRenderer(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== CONSOLE_HOST) return plain(404, 'not found');

  const target = resolveRendererPath(rendererDir, url.pathname);
  if (target === null) return plain(403, 'forbidden');

  let file = target;
  if (!(await isFile(file))) {
    // A page path of the single-page app; a missing asset stays a 404.
    const extension = extname(target);
    if (extension !== '' && extension !== '.html') return plain(404, 'not found');
    file = resolve(rendererDir, INDEX_FILE);
    if (!(await isFile(file))) return plain(404, 'the renderer is not built: run `npm run build`');
  }

  const headers = baseHeaders(contentTypeOf(file));
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  return new Response(await readFile(file), { status: 200, headers });
}

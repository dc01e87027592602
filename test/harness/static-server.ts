// A tiny static file server for the browser tests, the bench and the scripts: no dependency,
// 127.0.0.1 only, a free port.
//
// It serves a built site under a sub-path (e.g. http://127.0.0.1:PORT/vllm-dashboard/), because
// the dashboard is built with `base: './'` and must work from any sub-path, not just from `/`.
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServerOptions {
  /** Directory to serve (e.g. `dist`). */
  root: string;
  /** Sub-path the site lives under, e.g. `/vllm-dashboard/`. Must start and end with `/`. */
  basePath: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `http://127.0.0.1:PORT/vllm-dashboard/` */
  baseUrl: string;
  close: () => Promise<void>;
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function redirect(res: ServerResponse, location: string): void {
  send(res, 301, `Moved to ${location}\n`, { Location: location });
}

async function statOrNull(file: string): Promise<Awaited<ReturnType<typeof stat>> | null> {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

async function handle(
  root: string,
  basePath: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    return;
  }

  // WHATWG URL parsing already collapses `.`/`..` segments (also `%2e%2e`) and turns `\` into `/`.
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const basePathNoSlash = basePath.slice(0, -1);
  if (url.pathname === basePathNoSlash) {
    redirect(res, basePath + url.search);
    return;
  }
  if (!url.pathname.startsWith(basePath)) {
    send(res, 404, 'Not Found\n');
    return;
  }

  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname.slice(basePath.length));
  } catch {
    send(res, 400, 'Bad Request\n');
    return;
  }
  if (relative.includes('\0')) {
    send(res, 400, 'Bad Request\n');
    return;
  }

  // An encoded slash (`..%2f`) survives URL parsing, so check the decoded, resolved path.
  let filePath = path.resolve(root, relative);
  if (!isInside(root, filePath)) {
    send(res, 403, 'Forbidden\n');
    return;
  }

  let info = await statOrNull(filePath);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      // Keep relative URLs in a directory's index.html resolving against the directory.
      redirect(res, url.pathname + '/' + url.search);
      return;
    }
    filePath = path.join(filePath, 'index.html');
    info = await statOrNull(filePath);
  }
  if (!info?.isFile()) {
    send(res, 404, 'Not Found\n');
    return;
  }

  // Symlinks must not lead out of the root either.
  const real = await realpath(filePath);
  if (!isInside(root, real)) {
    send(res, 403, 'Forbidden\n');
    return;
  }

  res.writeHead(200, {
    'Content-Type': mimeTypeOf(real),
    'Content-Length': String(info.size),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // Streamed: the bench serves files of 100 MB and more.
  createReadStream(real)
    .on('error', () => res.destroy())
    .pipe(res);
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const { basePath } = options;
  if (!basePath.startsWith('/') || !basePath.endsWith('/') || basePath.length < 2) {
    throw new Error(`basePath must look like "/name/", got ${JSON.stringify(basePath)}`);
  }
  const root = await realpath(path.resolve(options.root));

  const server = createServer((req, res) => {
    handle(root, basePath, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal Server Error: ${String(error)}\n`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: origin + basePath,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

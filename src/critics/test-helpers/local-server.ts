/**
 * A local HTTP server on 127.0.0.1 (port 0) for the network critics' tests: it records every
 * request and answers with whatever the test's handler writes. Never any external address.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Resolves true when the client closed the connection before the answer was complete. */
  closedEarly: Promise<boolean>;
}

export type Handler = (res: ServerResponse, seen: Seen, index: number) => void;

export interface LocalServer {
  baseUrl: string;
  requests: Seen[];
  close(): Promise<void>;
}

const servers: LocalServer[] = [];

/** Closes every server started since the last call (call it from `afterEach`). */
export async function closeServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()));
}

export async function startServer(handler: Handler): Promise<LocalServer> {
  const requests: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: Seen = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        closedEarly: new Promise((resolve) => {
          res.on('close', () => {
            resolve(!res.writableFinished);
          });
        }),
      };
      requests.push(seen);
      handler(res, seen, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const local: LocalServer = {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
  servers.push(local);
  return local;
}

/** Answers with a JSON content type. */
export function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

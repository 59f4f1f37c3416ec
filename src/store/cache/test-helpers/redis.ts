/**
 * Test helpers for the Redis layer: the shared test server (127.0.0.1:6379) with a per-test key
 * prefix and clean-up, a port nothing listens on, and a fake Redis that stops answering.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';

export const REDIS_URL = 'redis://127.0.0.1:6379';

/** A unique key prefix for one test. */
export function testPrefix(): string {
  return `eleanor-test:${randomUUID()}:`;
}

/** A plain client on the test server, for checking and cleaning up what a test wrote. */
export function adminClient(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
}

/** Deletes every key under `prefix`. */
export async function deleteKeys(admin: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await admin.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** A local port with nothing listening on it. */
export async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

/** Splits RESP arrays of bulk strings (what clients send) off the front of `buffer`. */
function parseCommands(buffer: string): { commands: string[][]; rest: string } {
  const commands: string[][] = [];
  let at = 0;
  for (;;) {
    const header = /^\*(\d+)\r\n/.exec(buffer.slice(at));
    if (header === null) break;
    let pos = at + header[0].length;
    const args: string[] = [];
    for (let i = 0; i < Number(header[1]); i++) {
      const bulk = /^\$(\d+)\r\n/.exec(buffer.slice(pos));
      if (bulk === null) return { commands, rest: buffer.slice(at) };
      const start = pos + bulk[0].length;
      const end = start + Number(bulk[1]);
      if (buffer.length < end + 2) return { commands, rest: buffer.slice(at) };
      args.push(buffer.slice(start, end));
      pos = end + 2;
    }
    commands.push(args);
    at = pos;
  }
  return { commands, rest: buffer.slice(at) };
}

const INFO = '# Server\r\nloading:0\r\n';

/**
 * A fake Redis that completes the connection handshake and then leaves every other command
 * unanswered (a server hung by a long command), until `answer()`: it then answers the held
 * commands in order (each a miss) and every later one at once.
 */
export interface StallingRedis {
  url: string;
  answer(): void;
  close(): Promise<void>;
}

export async function stallingRedis(): Promise<StallingRedis> {
  const sockets = new Set<net.Socket>();
  const held = new Map<net.Socket, number>();
  let stalled = true;
  const flush = (socket: net.Socket): void => {
    if (stalled) return;
    socket.write('$-1\r\n'.repeat(held.get(socket) ?? 0));
    held.set(socket, 0);
  };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    let buffer = '';
    socket.on('close', () => {
      sockets.delete(socket);
      held.delete(socket);
    });
    socket.on('data', (chunk) => {
      const parsed = parseCommands(buffer + chunk.toString('utf8'));
      buffer = parsed.rest;
      for (const [name] of parsed.commands) {
        const command = name?.toLowerCase();
        if (command === 'info') socket.write(`$${String(INFO.length)}\r\n${INFO}\r\n`);
        else if (command === 'client' || command === 'select') socket.write('+OK\r\n');
        else held.set(socket, (held.get(socket) ?? 0) + 1);
      }
      flush(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `redis://127.0.0.1:${String((server.address() as net.AddressInfo).port)}`,
    answer: () => {
      stalled = false;
      for (const socket of sockets) flush(socket);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

// The one way every sandbox stand-in is served: a plain node:http server on loopback,
// with the request body read up front and an optional fault layer in front of the handler.
import { createServer, ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
  raw: IncomingMessage;
}

/** A stand-in for one remote service (Fulcio, Rekor, GitHub REST, ...). */
export interface SandboxService {
  readonly name: string;
  handle(req: SandboxRequest, res: ServerResponse): Promise<void> | void;
}

/**
 * Decides, per request, whether a fault replaces the real answer. Returns true when it
 * has answered (or destroyed) the response itself; 'lose-answer' to let the service do the
 * work and then drop the connection before the answer leaves (a stored POST whose 201 the
 * client never sees).
 */
export type FaultVerdict = boolean | 'lose-answer';
export type FaultLayer = (
  req: SandboxRequest,
  res: ServerResponse
) => Promise<FaultVerdict> | FaultVerdict;

export interface RunningService {
  name: string;
  url: string; // http://127.0.0.1:PORT
  server: Server;
  close(): Promise<void>;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {}
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers
  });
  res.end(body);
}

export async function serveService(
  service: SandboxService,
  options: { port?: number; faults?: FaultLayer } = {}
): Promise<RunningService> {
  const server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('error', () => res.destroy());
    raw.on('end', () => {
      const req: SandboxRequest = {
        method: raw.method ?? 'GET',
        url: new URL(raw.url ?? '/', `http://${raw.headers.host ?? '127.0.0.1'}`),
        headers: raw.headers,
        body: Buffer.concat(chunks),
        raw
      };
      void (async () => {
        try {
          const verdict = options.faults ? await options.faults(req, res) : false;
          if (verdict === 'lose-answer') {
            // The answer is written to a response bound to no socket, then the client is cut off.
            await service.handle(req, new ServerResponse(raw));
            raw.socket.destroy();
            return;
          }
          if (verdict) return;
          await service.handle(req, res);
          if (!res.headersSent)
            sendJson(res, 404, {
              message: `${service.name}: no route for ${req.method} ${req.url.pathname}`
            });
        } catch (e) {
          if (!res.headersSent)
            sendJson(res, 500, {
              message: `${service.name}: ${e instanceof Error ? e.message : String(e)}`
            });
          else res.destroy();
        }
      })();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    name: service.name,
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

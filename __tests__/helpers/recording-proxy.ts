// An HTTP(S) proxy on loopback that forwards nothing: it records where each request wanted to
// go and answers 403, which clients do not retry (a 5xx would cost seconds of back-off per run).
// Given to the action as HTTPS_PROXY, it shows which public hosts the action tried to reach —
// on a machine with no internet, where a failed DNS lookup would look the same for every host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  url: string;
  /** host:port of every CONNECT, and the absolute URL of every plain proxied request. */
  readonly destinations: string[];
  close(): Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const destinations: string[] = [];
  const server: Server = createServer((req, res) => {
    destinations.push(req.url ?? '');
    res.writeHead(403, { connection: 'close' }).end('recording proxy: not forwarded\n');
  });
  server.on('connect', (req, socket) => {
    destinations.push(req.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    destinations,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      })
  };
}

// A sandbox service that forwards every request to a real server: it lets the fault plans
// (`--faults fulcio=503x2`, ...) sit in front of Sigstore's own Fulcio and TSA exactly as they
// sit in front of our stand-ins, without touching the real servers' code.
import type { ServerResponse } from 'node:http';
import type { SandboxRequest, SandboxService } from '../http.js';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length'
]);

export function proxyService(name: string, upstream: string): SandboxService {
  return {
    name,
    async handle(req: SandboxRequest, res: ServerResponse) {
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value === undefined || HOP_BY_HOP.has(key)) continue;
        headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const answer = await fetch(`${upstream}${req.url.pathname}${req.url.search}`, {
        method: req.method,
        headers,
        body: hasBody ? new Uint8Array(req.body) : undefined,
        signal: AbortSignal.timeout(60_000)
      });
      const body = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((value, key) => {
        if (!HOP_BY_HOP.has(key) && key !== 'content-encoding') out[key] = value;
      });
      out['content-length'] = String(body.length);
      res.writeHead(answer.status, out);
      res.end(body);
    }
  };
}

// Small FaultLayer builders for the registry proxy, for tests that do not need a full plan.
import type { ServerResponse } from 'node:http';
import type { FaultLayer, SandboxRequest } from '../http.js';

export type RequestMatcher = (req: SandboxRequest) => boolean;

/** Matches a method and a path pattern, e.g. matching('PUT', /\/manifests\//). */
export function matching(method: string | undefined, path: RegExp): RequestMatcher {
  return (req) => (!method || req.method === method) && path.test(req.url.pathname);
}

function answer(res: ServerResponse, status: number): true {
  const body = JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'injected fault' }] });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
  return true;
}

/** Answers the first `times` matching requests with `status`, then lets them through. */
export function failTimes(match: RequestMatcher, status: number, times: number): FaultLayer {
  let remaining = times;
  return (req, res) => {
    if (!match(req) || remaining <= 0) return false;
    remaining--;
    return answer(res, status);
  };
}

/** Answers every matching request with `status`. */
export function failAlways(match: RequestMatcher, status: number): FaultLayer {
  return (req, res) => (match(req) ? answer(res, status) : false);
}

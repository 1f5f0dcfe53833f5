// The peer, in its own process: @actions/attest 3.2.0 `attestProvenance`, as
// actions/attest-build-provenance calls it (skipWrite: no GitHub attestations API call).
// It hard-codes Sigstore public-good URLs, so nock (13, from @sigstore/mock) catches its
// https requests to fulcio.sigstore.dev / rekor.sigstore.dev and forwards them to the same
// loopback sandbox our action signs against.
//   env BENCH_FULCIO, BENCH_REKOR  sandbox URLs;  BENCH_OIDC  sandbox issuer URL
//   argv: <subjects> <calls>      prints one JSON line: { startMs, callMs: number[] }
const startMs = performance.now();
const { default: nock } = await import('nock');
const { attestProvenance } = await import('@actions/attest');

function forward(origin, target) {
  const scope = nock(origin).persist();
  for (const method of ['GET', 'POST'])
    scope.intercept(/.*/, method).reply(async function (path, body, callback) {
      try {
        const headers = {};
        for (const [k, v] of Object.entries(this.req.headers)) {
          if (!['host', 'content-length', 'connection', 'accept-encoding'].includes(k))
            headers[k] = String(v);
        }
        const payload =
          body === undefined || body === ''
            ? undefined
            : typeof body === 'string'
              ? body
              : JSON.stringify(body);
        const res = await fetch(`${target}${path}`, {
          method: this.req.method,
          headers,
          body: payload
        });
        const text = await res.text();
        callback(null, [
          res.status,
          text,
          { 'content-type': res.headers.get('content-type') ?? 'application/json' }
        ]);
      } catch (e) {
        callback(e);
      }
    });
}
forward('https://fulcio.sigstore.dev', process.env.BENCH_FULCIO);
forward('https://rekor.sigstore.dev', process.env.BENCH_REKOR);

const count = Number(process.argv[2] ?? '1');
const calls = Number(process.argv[3] ?? '1');
const subjects = Array.from({ length: count }, (_, i) => ({
  name: `dist/artifact-${String(i).padStart(6, '0')}.bin`,
  digest: { sha256: i.toString(16).padStart(64, '0') }
}));

const loadedMs = performance.now();
const callMs = [];
let bundleBytes = 0;
for (let i = 0; i < calls; i++) {
  const t = performance.now();
  const attestation = await attestProvenance({
    subjects,
    token: 'unused-with-skipWrite',
    sigstore: 'public-good',
    skipWrite: true,
    issuer: process.env.BENCH_OIDC
  });
  callMs.push(performance.now() - t);
  bundleBytes = JSON.stringify(attestation.bundle).length;
}
process.stdout.write(`${JSON.stringify({ startMs, loadedMs, callMs, bundleBytes })}\n`);

// The floor of a keyless signer, in its own process: a bare Node start plus one request each,
// one after another, to the runner's OIDC token service, Fulcio and Rekor (the least any signer
// needs: a token, a certificate for it, a log entry for the signature). Nothing is parsed or
// signed; the answers are read and dropped. Run under the same sandbox latency model as ours.
//   env ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN (sandbox.runnerEnv()), BENCH_FULCIO, BENCH_REKOR
const tokenUrl = new URL(process.env.ACTIONS_ID_TOKEN_REQUEST_URL);
tokenUrl.searchParams.set('audience', 'sigstore');
const steps = [
  [
    tokenUrl,
    { headers: { authorization: `Bearer ${process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } }
  ],
  [`${process.env.BENCH_FULCIO}/api/v2/configuration`, {}],
  [`${process.env.BENCH_REKOR}/api/v1/log`, {}]
];
for (const [url, init] of steps) {
  const res = await fetch(url, init);
  await res.arrayBuffer();
}

// Child-process helper for sandbox-roundtrip.test.ts: signs an in-toto statement with
// @sigstore/sign against sandbox URLs and prints the bundle JSON. It runs under tsx rather
// than inside jest because @sigstore/sign's fetch stack (make-fetch-happen → ESM-only
// http-proxy-agent 9) cannot be require()d in jest's ESM mode ("require(esm) in a cycle").
//   SANDBOX_FULCIO=… SANDBOX_REKOR=… SANDBOX_TSA=… SANDBOX_TOKEN=… tsx sign-with-sandbox.ts
import { bundleToJSON } from '@sigstore/bundle';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } from '@sigstore/sign';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const retry = { retries: 2, minTimeout: 5, maxTimeout: 20, factor: 1 };
const builder = new DSSEBundleBuilder({
  signer: new FulcioSigner({
    fulcioBaseURL: env('SANDBOX_FULCIO'),
    identityProvider: { getToken: async () => env('SANDBOX_TOKEN') },
    retry,
    timeout: 5000
  }),
  witnesses: [
    new RekorWitness({
      rekorBaseURL: env('SANDBOX_REKOR'),
      entryType: 'dsse',
      retry,
      timeout: 5000
    }),
    new TSAWitness({ tsaBaseURL: env('SANDBOX_TSA'), retry, timeout: 5000 })
  ]
});
const bundle = await builder.create({
  data: Buffer.from(env('SANDBOX_PAYLOAD')),
  type: 'application/vnd.in-toto+json'
});
process.stdout.write(JSON.stringify(bundleToJSON(bundle)));

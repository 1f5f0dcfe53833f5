import { startSandbox } from '/work/main/sandbox/index.js';
import { benchPeer } from '/work/main/bench/scenarios/peer.js';
import { benchProvenance } from '/work/main/bench/scenarios/provenance.js';
const sandbox = await startSandbox();
try {
  console.log(await benchPeer(sandbox, { sizes: [1], runs: 2, log: console.log }));
  console.log(await benchProvenance(sandbox, { entry: '/tmp/dist-before/index.js', sizes: [1, 2000], runs: () => 2, log: console.log }));
} finally { await sandbox.close(); }

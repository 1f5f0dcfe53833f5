// The hashing worker, as source text for `new Worker(source, { eval: true })`. It is a string
// on purpose: the same code then runs unchanged under tsx, jest and the ncc bundle, none of
// which can resolve a separate worker file the same way.
//
// Protocol: the parent posts { id, files: string[], algorithm }; the worker answers
// { type: 'done', id, digests: string[] } or { type: 'failed', id, file, code, message }, and
// posts { type: 'progress', bytes } at most every 200 ms while it reads.
//
// Each file is read synchronously through one reused buffer: never the whole file in memory,
// and no thread-pool round trip per chunk (this thread has nothing else to do).
export const HASH_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');

const buffer = Buffer.allocUnsafe(workerData.bufferSize);
let unreported = 0;
let lastReport = Date.now();

function report(force) {
  const now = Date.now();
  if (unreported > 0 && (force || now - lastReport >= 200)) {
    parentPort.postMessage({ type: 'progress', bytes: unreported });
    unreported = 0;
    lastReport = now;
  }
}

function hashFile(file, algorithm) {
  const hash = crypto.createHash(algorithm);
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n));
      unreported += n;
      report(false);
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

parentPort.on('message', (job) => {
  const digests = [];
  for (const file of job.files) {
    try {
      digests.push(hashFile(file, job.algorithm));
    } catch (e) {
      report(true);
      parentPort.postMessage({ type: 'failed', id: job.id, file, code: e && e.code, message: String(e && e.message) });
      return;
    }
  }
  report(true);
  parentPort.postMessage({ type: 'done', id: job.id, digests });
});
`;

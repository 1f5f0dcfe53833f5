export const id = 935;
export const ids = [935];
export const modules = {

/***/ 1935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HASH_HELP: () => (/* binding */ HASH_HELP),
  hashCommand: () => (/* binding */ hashCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/subjects/format.ts
/** One `<hex>  <name>` line per subject (GNU escaping for names holding a backslash). */
function formatSubjectsText(subjects, algorithm) {
    const lines = [];
    for (const subject of subjects) {
        const hex = subject.digest[algorithm];
        if (hex === undefined) {
            throw new Error(`subject ${JSON.stringify(subject.name)} has no ${algorithm} digest`);
        }
        // Names never hold LF or CR (subjectNameProblem), so only the backslash needs escaping.
        lines.push(subject.name.includes('\\')
            ? `\\${hex}  ${subject.name.replace(/\\/g, '\\\\')}\n`
            : `${hex}  ${subject.name}\n`);
    }
    return lines.join('');
}
/** The `base64-subjects` value: base64 of the sha256sum-format text, on one line. */
function formatBase64Subjects(subjects, algorithm) {
    return Buffer.from(formatSubjectsText(subjects, algorithm), 'utf8').toString('base64');
}

;// CONCATENATED MODULE: ./src/subjects/limits.ts
/** At most this many distinct subjects in one provenance statement. */
const MAX_SUBJECTS = 100_000;
/** A subject name may take at most this many bytes in UTF-8. */
const MAX_NAME_BYTES = 1024;
/** Hex length of each digest we accept; the length is how a sha256sum line says its algorithm. */
const HEX_LENGTH = { sha256: 64, sha512: 128 };
const SUPPORTED_ALGORITHMS = (/* unused pure expression or super */ null && (['sha256', 'sha512']));
function isSupportedAlgorithm(value) {
    return value === 'sha256' || value === 'sha512';
}

;// CONCATENATED MODULE: ./src/sanitize.ts
// Tenant strings (subject names, refs, inputs, image names) are shown to people in logs and
// in the job summary. They must never act there: no workflow commands (`::set-output::`,
// `::add-mask::`…), no terminal escapes, no markdown or HTML.
// C0/C1 controls (ESC starts terminal escapes), bidi controls, and U+2028/U+2029 (line breaks
// to some viewers): the same set src/subjects/name.ts refuses in subject names.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
function escapeCodePoint(ch) {
    const code = ch.codePointAt(0) ?? 0;
    return code <= 0xff
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`;
}
/** Text safe to pass to core.info/warning/error: one line, inert. */
function safeLogText(value, maxLength = 300) {
    let s = value.replace(CONTROL_OR_BIDI, escapeCodePoint);
    // The runner treats `::name::` at a line start as a command; a backslash breaks the pair
    // wherever it occurs so the text stays readable but cannot form one. It also still honours
    // the legacy `##[name]data` form ANYWHERE in a line (ActionCommand.TryParse uses IndexOf),
    // so that prefix is broken the same way.
    s = s.replace(/::/g, ':\\:').replace(/##\[/g, '##\\[');
    if (s.length > maxLength)
        s = `${s.slice(0, maxLength)}…`;
    return s;
}
/** Text safe inside a markdown table cell or paragraph of the job summary. */
function safeMarkdownText(value, maxLength = 300) {
    return safeLogText(value, maxLength).replace(/[\\`*_{}[\]()#+!|<>&~]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/subjects/quote.ts
// Subject names and input fragments are hostile: an error message shows them escaped and
// shortened, never raw (no terminal escapes, no bidi tricks, no workflow commands).

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Controls, invisible format characters (bidi marks, zero-width, tags) and line separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** `value` as an inert, quoted, at most ~`max` character fragment for an error message. */
function quoteForMessage(value, max = 80) {
    const visible = value
        .replace(LONE_SURROGATE, quote_escapeCodePoint)
        .replace(INVISIBLE, quote_escapeCodePoint);
    return `"${safeLogText(visible, max).replace(/"/g, '\\"')}"`;
}
function quote_escapeCodePoint(ch) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0xff)
        return `\\x${code.toString(16).padStart(2, '0')}`;
    if (code <= 0xffff)
        return `\\u${code.toString(16).padStart(4, '0')}`;
    return `\\u{${code.toString(16)}}`;
}
/** A digest shortened for a message: enough to tell two apart. */
function shortDigest(hex) {
    return hex.length > 16 ? `${hex.slice(0, 16)}…` : hex;
}
const ANY_SURROGATE = /[\ud800-\udfff]/;
function hasLoneSurrogate(value) {
    if (!ANY_SURROGATE.test(value))
        return false; // the common case, without the lookarounds
    LONE_SURROGATE.lastIndex = 0;
    const found = LONE_SURROGATE.test(value);
    LONE_SURROGATE.lastIndex = 0;
    return found;
}

;// CONCATENATED MODULE: ./src/subjects/name.ts
// The rules for one subject name. A name ends up in signed provenance, in logs and in policy
// engines, so it must be one line of well-formed text that displays as what its bytes say.


// C0 controls (NUL, newline, CR, ESC…), DEL, C1 controls, and the Unicode bidirectional
// controls: the embeddings/overrides U+202A–U+202E, the isolates U+2066–U+2069 and the marks
// U+200E, U+200F, U+061C ("Trojan Source": they make text display in a different order),
// and the Unicode line/paragraph separators U+2028, U+2029 (line breaks to some viewers).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
/** Why `name` is not an acceptable subject name, or undefined when it is. */
function subjectNameProblem(name) {
    if (name.length === 0)
        return 'missing name';
    const bad = FORBIDDEN.exec(name);
    if (bad)
        return describeForbidden(bad[0], bad.index + 1);
    // A UTF-16 code unit is at most 3 UTF-8 bytes, so short names skip the byte count.
    if (name.length * 3 > MAX_NAME_BYTES) {
        const bytes = Buffer.byteLength(name, 'utf8');
        if (bytes > MAX_NAME_BYTES) {
            return `name is ${bytes} bytes in UTF-8; at most ${MAX_NAME_BYTES} are allowed`;
        }
    }
    if (hasLoneSurrogate(name))
        return 'name is not well-formed Unicode (unpaired surrogate)';
    return undefined;
}
function describeForbidden(ch, position) {
    const code = ch.charCodeAt(0);
    const at = `(U+${code.toString(16).toUpperCase().padStart(4, '0')}) at character ${position}`;
    if (code === 0)
        return `name contains a NUL character ${at}`;
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) {
        return `name contains a line break ${at}`;
    }
    if (code < 0x20)
        return `name contains a control character ${at}`;
    if (code === 0x7f)
        return `name contains a DEL character ${at}`;
    if (code <= 0x9f)
        return `name contains a C1 control character ${at}`;
    return `name contains a bidirectional control character ${at}, which can make it display differently from its bytes`;
}

;// CONCATENATED MODULE: ./src/hash/expand.ts
// Turns the build job's path patterns into the list of files to hash.
//
// Decisions:
// - A pattern is a glob (Node's fs.glob: `*`, `**`, `?`, `[…]`, `{a,b}`), relative to cwd.
//   Like the shell, wildcards do not match names starting with a dot; name those explicitly.
// - A pattern naming an existing path is taken literally, so `app[1].tgz` means that file.
// - A directory named literally stands for every file below it (`dist` = `dist/**/*`);
//   directories that a wildcard happens to match are skipped.
// - `!pattern` excludes matching files (checked against the name relative to cwd).
// - Every including pattern must match at least one file: a typo must not silently drop an
//   artifact from the provenance.
// - Only regular files (or symlinks to them) are hashed; a FIFO or device is an error.






/** Splits newline-separated pattern lists, dropping blank lines and surrounding whitespace. */
function splitPatterns(values) {
    return values
        .flatMap((v) => v.split(/\r?\n/))
        .map((p) => p.trim())
        .filter((p) => p !== '');
}
async function expandPatterns(patterns, cwd) {
    const includes = patterns.filter((p) => !p.startsWith('!'));
    const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    if (includes.length === 0) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', 'no paths given: pass at least one file or glob pattern');
    }
    const found = new Map();
    for (const pattern of includes) {
        let matched = 0;
        for (const [absolute, stats] of await filesFor(pattern, cwd)) {
            matched++;
            if (found.has(absolute))
                continue;
            const name = external_node_path_default().relative(cwd, absolute).split((external_node_path_default()).sep).join('/');
            if (excludes.some((ex) => external_node_path_default().matchesGlob(name, ex)))
                continue;
            found.set(absolute, checked({ path: absolute, name, size: stats.size }));
            if (found.size > MAX_SUBJECTS) {
                throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `more than ${MAX_SUBJECTS} files match; provenance holds at most ${MAX_SUBJECTS} subjects`);
            }
        }
        if (matched === 0) {
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `pattern ${quoteForMessage(pattern)} matched no files (in ${quoteForMessage(cwd)})`);
        }
    }
    if (found.size === 0) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', 'every matched file was excluded by a "!" pattern');
    }
    return [...found.values()];
}
function checked(file) {
    const problem = subjectNameProblem(file.name);
    if (problem) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `file ${quoteForMessage(file.name)} cannot be a subject: ${problem}`);
    }
    return file;
}
/** [absolute path, stats] of every regular file `pattern` stands for. */
async function filesFor(pattern, cwd) {
    const literal = external_node_path_default().resolve(cwd, pattern);
    const literalStats = await (0,promises_.stat)(literal).catch(() => undefined);
    if (literalStats?.isDirectory())
        return regularFilesIn((0,promises_.glob)('**/*', { cwd: literal }), literal, false);
    if (literalStats)
        return regularFilesIn(single(pattern), cwd, true);
    return regularFilesIn((0,promises_.glob)(pattern, { cwd }), cwd, false);
}
async function* single(value) {
    yield value;
}
async function regularFilesIn(matches, base, strict) {
    const files = [];
    for await (const match of matches) {
        const absolute = external_node_path_default().resolve(base, match);
        const stats = await (0,promises_.stat)(absolute).catch((e) => {
            // A dangling symlink matched by a glob: reading it would fail the same way.
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `cannot read ${quoteForMessage(absolute)}: ${e.code ?? e.message}`);
        });
        if (stats.isFile())
            files.push([absolute, stats]);
        else if (!stats.isDirectory() || strict) {
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `${quoteForMessage(match)} is not a regular file; only files can be subjects`);
        }
    }
    return files;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/hash/plan.ts
// How files are split into jobs for the worker pool (pure). A big file is a job of its own; small
// files travel in batches so that thousands of tiny files do not cost one message each.
const DEFAULT_PLAN_LIMITS = {
    ownJobBytes: 8 * 1024 * 1024,
    maxBatchFiles: 256,
    maxBatchBytes: 16 * 1024 * 1024
};
/** Jobs covering every index of `sizes` exactly once, biggest first so the pool ends evenly. */
function planHashJobs(sizes, limits = DEFAULT_PLAN_LIMITS) {
    const jobs = [];
    let batch;
    sizes.forEach((size, index) => {
        if (size >= limits.ownJobBytes) {
            jobs.push({ id: jobs.length, files: [index], bytes: size });
            return;
        }
        if (!batch ||
            batch.files.length >= limits.maxBatchFiles ||
            batch.bytes + size > limits.maxBatchBytes) {
            batch = { id: jobs.length, files: [], bytes: 0 };
            jobs.push(batch);
        }
        batch.files.push(index);
        batch.bytes += size;
    });
    return jobs.sort((a, b) => b.bytes - a.bytes || a.id - b.id);
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/hash/worker-source.ts
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
const HASH_WORKER_SOURCE = String.raw `
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

;// CONCATENATED MODULE: ./src/hash/pool.ts
// A pool of hashing workers, one per available core (or fewer when there is less work).


/**
 * Read size per chunk. Measured on ~1 GB here: 256 KiB beat 1–4 MiB by 10–30 %, as the chunk
 * still sits in the core's L2 cache when the hash reads it; per-call overhead is already
 * negligible at this size.
 */
const READ_BUFFER_BYTES = 256 * 1024;
/** A file the worker could not read: the path and Node's error code (ENOENT, EACCES…). */
class ReadFailure extends Error {
    file;
    code;
    constructor(file, code, detail) {
        super(detail);
        this.file = file;
        this.code = code;
        this.name = 'ReadFailure';
    }
}
/** Hex digests of `files` (same order), hashing the `jobs` on a pool of worker threads. */
function hashOnPool(files, jobs, options) {
    const digests = new Array(files.length);
    if (jobs.length === 0)
        return Promise.resolve(digests);
    const byId = new Map(jobs.map((job) => [job.id, job]));
    const queue = [...jobs];
    const workers = [];
    let remaining = jobs.length;
    return new Promise((resolve, reject) => {
        let settled = false;
        const finish = (error) => {
            if (settled)
                return;
            settled = true;
            for (const worker of workers)
                void worker.terminate();
            if (error)
                reject(error);
            else
                resolve(digests);
        };
        const feed = (worker) => {
            const job = queue.shift();
            if (!job)
                return;
            worker.postMessage({
                id: job.id,
                files: job.files.map((i) => files[i]),
                algorithm: options.algorithm
            });
        };
        const count = Math.max(1, Math.min(options.workers, jobs.length));
        for (let w = 0; w < count; w++) {
            const worker = new external_node_worker_threads_.Worker(HASH_WORKER_SOURCE, {
                eval: true,
                workerData: { bufferSize: options.bufferSize ?? READ_BUFFER_BYTES }
            });
            workers.push(worker);
            worker.on('message', (message) => {
                if (message.type === 'progress') {
                    options.onBytes?.(message.bytes);
                }
                else if (message.type === 'failed') {
                    finish(new ReadFailure(message.file, message.code, message.message));
                }
                else {
                    const job = byId.get(message.id);
                    if (!job)
                        return finish(new Error(`hash worker answered unknown job ${message.id}`));
                    job.files.forEach((fileIndex, k) => {
                        digests[fileIndex] = message.digests[k];
                    });
                    options.onFilesDone?.(job.files.length);
                    if (--remaining === 0)
                        finish();
                    else
                        feed(worker);
                }
            });
            worker.on('error', (error) => finish(error));
            worker.on('exit', (code) => {
                if (!settled)
                    finish(new Error(`hash worker exited early (code ${code})`));
            });
            feed(worker);
        }
    });
}

;// CONCATENATED MODULE: ./src/hash/hash-files.ts
// The hashing helper for build jobs: patterns in, subjects (sorted by name) out.






/** Digests of every file the `patterns` match, as subjects named relative to cwd, sorted. */
async function hashFiles(patterns, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const algorithm = options.algorithm ?? 'sha256';
    const files = (await expandPatterns(patterns, cwd)).sort((a, b) => compareNames(a.name, b.name));
    const progress = {
        bytesDone: 0,
        totalBytes: files.reduce((sum, f) => sum + f.size, 0),
        filesDone: 0,
        totalFiles: files.length
    };
    const jobs = planHashJobs(files.map((f) => f.size));
    let digests;
    try {
        digests = await hashOnPool(files.map((f) => f.path), jobs, {
            algorithm,
            workers: options.parallelism ?? (0,external_node_os_.availableParallelism)(),
            bufferSize: options.bufferSize,
            onBytes: (bytes) => {
                progress.bytesDone += bytes;
                options.onProgress?.(progress);
            },
            onFilesDone: (count) => {
                progress.filesDone += count;
                options.onProgress?.(progress);
            }
        });
    }
    catch (e) {
        if (e instanceof ReadFailure) {
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `cannot read ${quoteForMessage(e.file)}: ${e.code ?? e.message}`, { cause: e });
        }
        throw e;
    }
    return files.map((file, i) => ({
        name: file.name,
        digest: { [algorithm]: digests[i] }
    }));
}
/** Plain code-unit order: stable across locales, so the same files always give the same output. */
function compareNames(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/hash/progress.ts
const MIB = 1024 * 1024;
class ProgressReporter {
    stream;
    interactive;
    intervalMs;
    latest;
    timer;
    printed = false;
    started = Date.now();
    constructor(stream, interactive, intervalMs = 1000) {
        this.stream = stream;
        this.interactive = interactive;
        this.intervalMs = intervalMs;
    }
    start() {
        this.timer = setInterval(() => this.print(), this.intervalMs);
        this.timer.unref();
    }
    update(progress) {
        this.latest = progress;
    }
    stop() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = undefined;
        if (this.printed) {
            this.print();
            if (this.interactive)
                this.stream.write('\n');
        }
    }
    print() {
        const p = this.latest;
        if (!p)
            return;
        const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
        const line = `hashing: ${(p.bytesDone / MIB).toFixed(1)}/${(p.totalBytes / MIB).toFixed(1)} MiB, ` +
            `${p.filesDone}/${p.totalFiles} files, ${(p.bytesDone / MIB / seconds).toFixed(0)} MiB/s`;
        this.stream.write(this.interactive ? `\r${line}\u001b[K` : `${line}\n`);
        this.printed = true;
    }
}

;// CONCATENATED MODULE: ./src/hash/command.ts
// `isolated-provenance hash …`: the build job's side of the hand-over. It prints the
// base64-subjects value for the provenance job and can also write the plain subjects file.










const HASH_HELP = `Usage: isolated-provenance hash [options] <pattern>...

Hashes the files the patterns match and prints the base64-subjects value
(base64 of sha256sum-format lines, names relative to the current directory,
sorted) for the provenance job.

Patterns are globs (*, **, ?, [..], {a,b}); an argument may hold several,
one per line. A directory stands for every file below it; "!pattern"
excludes files. Every pattern must match at least one file.

Options:
  -a, --algorithm <sha256|sha512>  digest algorithm (default: sha256)
      --subjects-file <path>       also write the plain sha256sum-format list
                                   there (for sets too large for a job output)
      --progress                   report progress on stderr every second even
                                   when stderr is not a terminal
  -h, --help                       show this help

Exit status: 0 on success, 1 when hashing fails, 2 on a usage error.
`;
/** GitHub limits a job's outputs to 1 MB in total. */
const JOB_OUTPUT_LIMIT = 1024 * 1024;
const processIo = () => ({
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd()
});
async function hashCommand(argv, io = processIo()) {
    let args;
    try {
        args = parse(argv);
    }
    catch (e) {
        io.stderr.write(`isolated-provenance hash: ${(0,errors/* describeError */.Uc)(e)}\nRun "isolated-provenance hash --help" for usage.\n`);
        return 2;
    }
    if (args.help) {
        io.stdout.write(HASH_HELP);
        return 0;
    }
    const progress = args.progress || io.stderr.isTTY
        ? new ProgressReporter(io.stderr, io.stderr.isTTY === true)
        : undefined;
    progress?.start();
    try {
        const subjects = await hashFiles(args.patterns, {
            cwd: io.cwd,
            algorithm: args.algorithm,
            onProgress: progress && ((p) => progress.update(p))
        });
        progress?.stop();
        const text = formatSubjectsText(subjects, args.algorithm);
        if (args.subjectsFile)
            await writeAtomically(external_node_path_default().resolve(io.cwd, args.subjectsFile), text);
        const b64 = Buffer.from(text, 'utf8').toString('base64');
        if (b64.length > JOB_OUTPUT_LIMIT) {
            io.stderr.write(`warning: base64-subjects is ${b64.length} bytes; GitHub limits job outputs to 1 MB. ` +
                `Pass the list as a file instead (--subjects-file, uploaded as an artifact).\n`);
        }
        io.stdout.write(`${b64}\n`);
        return 0;
    }
    catch (e) {
        progress?.stop();
        if (!(0,errors/* isProvenanceError */.Ev)(e))
            throw e;
        io.stderr.write(`isolated-provenance hash: ${e.message}\n`);
        return 1;
    }
}
function parse(argv) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            algorithm: { type: 'string', short: 'a', default: 'sha256' },
            'subjects-file': { type: 'string' },
            progress: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false }
        }
    });
    const algorithm = values.algorithm;
    if (!isSupportedAlgorithm(algorithm)) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `unsupported algorithm ${quoteForMessage(algorithm)}; expected sha256 or sha512`);
    }
    const patterns = splitPatterns(positionals);
    if (!values.help && patterns.length === 0) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', 'no paths given: pass at least one file or glob pattern');
    }
    return {
        help: values.help,
        progress: values.progress,
        algorithm,
        subjectsFile: values['subjects-file'],
        patterns
    };
}
/** The subjects file appears complete or not at all. */
async function writeAtomically(file, text) {
    const partial = `${file}.partial-${process.pid}`;
    try {
        await (0,promises_.writeFile)(partial, text, 'utf8');
        await (0,promises_.rename)(partial, file);
    }
    catch (e) {
        await (0,promises_.rm)(partial, { force: true });
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `cannot write the subjects file ${quoteForMessage(file)}: ${e.code ?? (0,errors/* describeError */.Uc)(e)}`);
    }
}


/***/ })

};

// wasmbench's driver for a headless browser: serves a page of ours on 127.0.0.1 that times
// compile, instantiate and the guest's run inside the browser's engine, gives the guest a small
// WASI preview1 shim (arguments, a clock, stdout and stderr, exit; nothing else), and collects
// what the page reports.
// Usage: node browser-driver.mjs REPORT.json MODULE.wasm BROWSER-COMMAND.json OUTPUT-LIMIT command ARGS...
//        node browser-driver.mjs REPORT.json MODULE.wasm BROWSER-COMMAND.json OUTPUT-LIMIT hosted HOSTING.json ARGS...
//        node browser-driver.mjs REPORT.json PYODIDE-FOLDER BROWSER-COMMAND.json OUTPUT-LIMIT pyodide RUNNER BENCHMARK ITERATIONS
// BROWSER-COMMAND.json is the browser's program and arguments as a JSON array, with the word
// {URL} where the page's address goes; the browser is killed once the page has reported. The guest's stdout and
// stderr are printed on this process's stdout and stderr, at most OUTPUT-LIMIT bytes of each and one more
// when the guest wrote past it (the page stops the guest there: an output-limit error); the report is the
// node driver's JSON (phases in nanoseconds, the exit code, or an error with its kind).
//
// The hosted mode gives the guest more, as HOSTING.json asks ({"mounts": [{"hostPath", "guestPath"}],
// "environment": {NAME: VALUE}, "commandExport": NAME or null, "trapUnknownImports": BOOL}): its
// environment, another entry export, imports outside WASI linked as functions that trap, and each
// mount as a preopened folder, read-only. The folders are walked once here (at most 100,000 entries,
// links that leave their mount left out) and their tree goes into the page; a file's bytes are
// served by its number in that walk when the guest opens it (a synchronous request, so an open in
// the browser costs a local HTTP round trip, as a file of a web page would), never by a path.
//
// In the pyodide mode the page loads Pyodide from PYODIDE-FOLDER (served as it is, one level, by
// file name), times loadPyodide, copies wasmbench's guest runner and the benchmark file into
// Pyodide's in-memory file system and runs the runner on them, as pyodide-driver.mjs does in Node:
// `wasmbench:load <ns>` first on stdout, then what Python writes; this process exits with the
// runner's status, or 70 with the reason on stderr when Pyodide or the browser fails.
//
// Only the page of this run is believed: the server listens on 127.0.0.1 alone and serves the page, the
// module and the report under a random path (a per-run token of 256 bits) and nothing else (404, no body),
// and takes one report. The token is on no command line, where any local user could read it in /proc:
// the browser is given a file:// page (mode 0600, next to the report) that sends it on to the real one.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { fetchFile, makeFileSystem } from './browser-fs.mjs';
import { runnerMain } from './pyodide-main.mjs';

const [reportPath, modulePath, commandJSON, limitText, mode, ...guestArgs] = process.argv.slice(2);
const outputLimit = Number(limitText);
const token = randomBytes(32).toString('base64url');
const report = { phases: {}, iterations: [] };
const save = () => writeFileSync(reportPath, JSON.stringify(report));
let child;

function finish(code) {
  save();
  if (child && child.exitCode === null) child.kill('SIGKILL');
  process.exit(code);
}

function fail(kind, message) {
  report.error = { kind, message: String(message) };
  if (mode === 'pyodide') process.stderr.write(`browser-driver: ${kind}: ${message}\n`);
  finish(mode === 'pyodide' ? 70 : 0);
}

if (!(Number.isSafeInteger(outputLimit) && outputLimit > 0)) fail('runtime-error', `the output limit ${limitText} is not a byte count`);
const pyodideMode = mode === 'pyodide';
if (!pyodideMode && mode !== 'command' && mode !== 'hosted') fail('unsupported', 'the browser runtime runs WASI commands only (no --invoke)');
// What the page gives the guest beyond a plain command; the host paths of the mounts' files, by number.
const pageHosting = { preopens: [], environment: [], entry: '_start', trapUnknown: false };
const hostedFiles = [];
if (mode === 'hosted') {
  const hostingPath = guestArgs.shift();
  try {
    const hosting = JSON.parse(readFileSync(hostingPath, 'utf8'));
    pageHosting.environment = Object.entries(hosting.environment ?? {}).map(([name, value]) => `${name}=${value}`);
    pageHosting.entry = hosting.commandExport ?? '_start';
    pageHosting.trapUnknown = hosting.trapUnknownImports === true;
    const budget = { entries: 100000 };
    for (const mount of hosting.mounts ?? []) {
      pageHosting.preopens.push({ guest: String(mount.guestPath), tree: indexFolder(String(mount.hostPath), budget) });
    }
  } catch (error) {
    fail('runtime-error', `cannot read the guest's hosting ${hostingPath}: ${error.message}`);
  }
}

// The tree of a mounted folder: a folder is {d: {NAME: NODE}, m: MTIME-NS}, a file {f: NUMBER, s: SIZE,
// m: MTIME-NS}; other kinds and links out of the folder are left out.
function indexFolder(root, budget) {
  const top = realpathSync(root);
  const inside = (path) => path === top || path.startsWith(top + '/');
  function walk(path, depth) {
    const stat = statSync(path, { bigint: true });
    if (stat.isFile()) {
      hostedFiles.push(path);
      return { f: hostedFiles.length - 1, s: Number(stat.size), m: String(stat.mtimeNs) };
    }
    if (!stat.isDirectory() || depth > 64) return null;
    const entries = {};
    for (const name of readdirSync(path).sort()) {
      if (--budget.entries < 0) throw new Error(`the mounted folders hold more than 100000 entries (${root})`);
      const child = join(path, name);
      let real;
      try { real = realpathSync(child); } catch { continue; }
      if (!inside(real)) continue;
      const node = walk(child, depth + 1);
      if (node) entries[name] = node;
    }
    return { d: entries, m: String(stat.mtimeNs) };
  }
  return walk(top, 0);
}

let bytes;
// The pyodide mode's guest files: the runner and the benchmark, by the names the page asks for.
const guestFiles = {};
try {
  if (pyodideMode) {
    const [runner, benchmark, iterations] = guestArgs;
    if (!/^[0-9]+$/.test(iterations ?? '')) fail('runtime-error', `the iteration count ${iterations} is not a number`);
    guestFiles['runner.py'] = readFileSync(runner);
    guestFiles['benchmark.py'] = readFileSync(benchmark);
  } else {
    bytes = readFileSync(modulePath);
  }
} catch (error) {
  fail('runtime-error', `cannot read ${error.path ?? modulePath}: ${error.message}`);
}

// A value as JSON that can sit inside the page's <script>: `<` escaped, so no name or argument can
// close the script element.
const embed = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

// The page: everything it needs is inline; it fetches the module from this server only, by paths
// relative to its own (so under the token).
const page = `<!DOCTYPE html><meta charset="utf-8"><title>wasmbench</title><script type="module">
const args = ${embed([basename(modulePath), ...guestArgs])};
const limit = ${outputLimit};
const hosting = ${embed(pageHosting)};
const makeFileSystem = ${makeFileSystem.toString()};
const fetchFile = ${fetchFile.toString()};
const streams = { 1: { kept: [], bytes: 0 }, 2: { kept: [], bytes: 0 } };
const decoder = new TextDecoder();
const encoder = new TextEncoder();
class Exit { constructor(code) { this.code = code; } }
class OutputLimit { constructor(fd) { this.fd = fd; } }
// Keeps at most limit + 1 bytes of a stream (one more tells the harness it was exceeded) and stops
// the guest once it writes past the limit.
function keep(fd, bytes) {
  const stream = streams[fd];
  const room = limit + 1 - stream.bytes;
  if (room > 0) stream.kept.push(bytes.slice(0, room));
  stream.bytes += bytes.length;
  if (stream.bytes > limit) throw new OutputLimit(fd);
}
function text(fd) {
  const whole = new Uint8Array(streams[fd].kept.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of streams[fd].kept) { whole.set(b, offset); offset += b.length; }
  return decoder.decode(whole);
}
let memory;
const fs = makeFileSystem(hosting.preopens, fetchFile, () => memory.buffer);
const environment = hosting.environment.map((entry) => encoder.encode(entry + '\\0'));
const view = () => new DataView(memory.buffer);
const bytesOf = (pointer, length) => new Uint8Array(memory.buffer, pointer, length);
const ns = (ms) => BigInt(Math.round(ms * 1e6));
const wasi = {
  args_sizes_get(countPointer, sizePointer) {
    view().setUint32(countPointer, args.length, true);
    view().setUint32(sizePointer, args.reduce((n, a) => n + encoder.encode(a).length + 1, 0), true);
    return 0;
  },
  args_get(argvPointer, bufferPointer) {
    for (const [i, a] of args.entries()) {
      const encoded = encoder.encode(a + '\\0');
      bytesOf(bufferPointer, encoded.length).set(encoded);
      view().setUint32(argvPointer + 4 * i, bufferPointer, true);
      bufferPointer += encoded.length;
    }
    return 0;
  },
  environ_sizes_get(countPointer, sizePointer) {
    view().setUint32(countPointer, environment.length, true);
    view().setUint32(sizePointer, environment.reduce((n, e) => n + e.length, 0), true);
    return 0;
  },
  environ_get(environPointer, bufferPointer) {
    for (const [i, entry] of environment.entries()) {
      bytesOf(bufferPointer, entry.length).set(entry);
      view().setUint32(environPointer + 4 * i, bufferPointer, true);
      bufferPointer += entry.length;
    }
    return 0;
  },
  clock_time_get(id, precision, timePointer) {
    // 0 realtime, 1 monotonic: both from performance.now(), fine-grained in an isolated page.
    const value = id === 0 ? ns(performance.timeOrigin + performance.now()) : ns(performance.now());
    view().setBigUint64(timePointer, value, true);
    return 0;
  },
  clock_res_get(id, resolutionPointer) {
    view().setBigUint64(resolutionPointer, crossOriginIsolated ? 5000n : 100000n, true);
    return 0;
  },
  fd_write(fd, iovs, count, writtenPointer) {
    if (fd !== 1 && fd !== 2) return 8;
    let written = 0;
    for (let i = 0; i < count; i++) {
      const pointer = view().getUint32(iovs + 8 * i, true);
      const length = view().getUint32(iovs + 8 * i + 4, true);
      written += length;
      keep(fd, bytesOf(pointer, length).slice());
    }
    view().setUint32(writtenPointer, written, true);
    return 0;
  },
  ...fs,
  fd_fdstat_get(fd, statPointer) {
    if (fd > 2) return fs.fd_fdstat_get(fd, statPointer);
    bytesOf(statPointer, 24).fill(0);
    view().setUint8(statPointer, 2); // a character device
    return 0;
  },
  fd_filestat_get(fd, statPointer) {
    if (fd > 2) return fs.fd_filestat_get(fd, statPointer);
    bytesOf(statPointer, 64).fill(0);
    view().setUint8(statPointer + 16, 2); // a character device
    return 0;
  },
  fd_fdstat_set_flags(fd) { return fd <= 2 || fs.owns(fd) ? 0 : 8; },
  fd_close(fd) { return fd > 2 ? fs.fd_close(fd) : 0; },
  fd_seek(fd, offset, whence, pointer) { return fd > 2 ? fs.fd_seek(fd, offset, whence, pointer) : 70; }, // ESPIPE: stdio is not seekable
  fd_read(fd, iovs, count, readPointer) {
    if (fd > 2) return fs.fd_read(fd, iovs, count, readPointer);
    if (fd !== 0) return 8;
    view().setUint32(readPointer, 0, true); // stdin is empty
    return 0;
  },
  random_get(pointer, length) { crypto.getRandomValues(bytesOf(pointer, length)); return 0; },
  proc_exit(code) { throw new Exit(code); },
  sched_yield() { return 0; },
};
const report = { phases: {}, iterations: [] };
// A trap as the other runtimes call it: a RuntimeError, or a stack overflow (V8's RangeError,
// SpiderMonkey's "too much recursion").
const trapped = (e) => e instanceof WebAssembly.RuntimeError || (e instanceof RangeError && /call stack/i.test(e.message)) || /too much recursion/i.test(String(e));
async function main() {
  const moduleBytes = await (await fetch('module.wasm')).arrayBuffer();
  let t0 = performance.now();
  let module;
  try { module = await WebAssembly.compile(moduleBytes); } catch (e) { return { kind: 'invalid-module', message: String(e) }; }
  report.phases.compile = Number(ns(performance.now() - t0));
  const imports = { wasi_snapshot_preview1: {} };
  for (const i of WebAssembly.Module.imports(module)) {
    if (i.kind !== 'function') continue;
    if (i.module !== 'wasi_snapshot_preview1') {
      // An import outside WASI traps when called, where the guest asked for that (it never calls it).
      if (hosting.trapUnknown) (imports[i.module] ??= {})[i.name] = () => { throw new WebAssembly.RuntimeError('the guest called ' + i.module + '.' + i.name + ', which wasmbench does not provide'); };
      continue;
    }
    imports.wasi_snapshot_preview1[i.name] = Object.hasOwn(wasi, i.name) && i.name !== 'owns' ? wasi[i.name] : () => 52; // ENOSYS
  }
  let instance;
  t0 = performance.now();
  try { instance = await WebAssembly.instantiate(module, imports); } catch (e) {
    return trapped(e) ? { kind: 'trap', message: String(e) } : { kind: 'invalid-module', message: 'could not link the module: ' + String(e) };
  }
  report.phases.instantiate = Number(ns(performance.now() - t0));
  memory = instance.exports.memory;
  if (typeof instance.exports[hosting.entry] !== 'function') return { kind: 'invalid-module', message: 'the module exports no ' + hosting.entry + ' function' };
  report.entryRealtime = Number(ns(performance.timeOrigin + performance.now()));
  t0 = performance.now();
  try { instance.exports[hosting.entry](); report.exitCode = 0; } catch (e) {
    if (e instanceof Exit) report.exitCode = e.code;
    else if (e instanceof OutputLimit) return { kind: 'output-limit', message: 'the guest wrote more than ' + limit + ' bytes on ' + (e.fd === 1 ? 'stdout' : 'stderr') + ' and was stopped there' };
    else return { kind: trapped(e) ? 'trap' : 'runtime-error', message: String(e) };
  } finally { report.phases.start = Number(ns(performance.now() - t0)); }
  return null;
}
const error = await main().catch((e) => ({ kind: 'runtime-error', message: String(e) }));
if (error) report.error = error;
report.isolated = crossOriginIsolated;
report.userAgent = navigator.userAgent;
await fetch('report', { method: 'POST', body: JSON.stringify({ report, stdout: text(1), stderr: text(2) }) });
</script>`;

// The pyodide mode's page: loads Pyodide from this server, runs the runner as `python RUNNER
// BENCHMARK N` would, and posts its streams (at most limit + 1 bytes each) and exit status.
const pyodidePage = () => `<!DOCTYPE html><meta charset="utf-8"><title>wasmbench</title><script type="module">
const limit = ${outputLimit};
const iterations = ${embed(guestArgs[2] ?? '')};
const streams = { 1: { kept: [], bytes: 0 }, 2: { kept: [], bytes: 0 } };
const encoder = new TextEncoder();
const decoder = new TextDecoder();
function keep(fd, bytes) {
  const stream = streams[fd];
  const room = limit + 1 - stream.bytes;
  if (room > 0) stream.kept.push(bytes.slice(0, room));
  stream.bytes += bytes.length;
  return bytes.length;
}
function text(fd) {
  const whole = new Uint8Array(streams[fd].kept.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of streams[fd].kept) { whole.set(b, offset); offset += b.length; }
  return decoder.decode(whole);
}
const line = (fd) => (text) => keep(fd, encoder.encode(text + '\\n'));
const main = ${embed(runnerMain)};
const report = { phases: {} };
async function run() {
  const files = {};
  for (const name of ['runner.py', 'benchmark.py']) files[name] = new Uint8Array(await (await fetch(name)).arrayBuffer());
  const { loadPyodide } = await import('./pyodide/pyodide.mjs');
  const start = performance.now();
  const pyodide = await loadPyodide({ indexURL: new URL('pyodide/', location.href).href, stdout: line(1), stderr: line(2) });
  const load = Math.round((performance.now() - start) * 1e6);
  report.phases.load = load;
  keep(1, encoder.encode('wasmbench:load ' + load + '\\n'));
  pyodide.setStdout({ write: (bytes) => keep(1, bytes.slice()) });
  pyodide.setStderr({ write: (bytes) => keep(2, bytes.slice()) });
  pyodide.setStdin({ error: true });
  pyodide.FS.mkdirTree('/wasmbench');
  pyodide.FS.mkdirTree('/bench');
  pyodide.FS.writeFile('/wasmbench/wasmbench_runner.py', files['runner.py']);
  pyodide.FS.writeFile('/bench/' + ${embed(basename(guestArgs[1] ?? 'benchmark.py'))}, files['benchmark.py']);
  const runner = pyodide.runPython(main);
  const status = runner('/wasmbench/wasmbench_runner.py', pyodide.toPy(['/bench/' + ${embed(basename(guestArgs[1] ?? 'benchmark.py'))}, iterations]));
  runner.destroy();
  report.exitCode = typeof status === 'number' && Number.isInteger(status) ? status & 0xff : 1;
}
try { await run(); } catch (e) { report.error = { kind: 'runtime-error', message: 'Pyodide failed: ' + String(e) }; }
report.isolated = crossOriginIsolated;
report.userAgent = navigator.userAgent;
await fetch('report', { method: 'POST', body: JSON.stringify({ report, stdout: text(1), stderr: text(2) }) });
</script>`;

// A file of the Pyodide folder by its name, one level only (no folders, no dots in front): its
// content type, or null for a name that is not served.
// A mounted file by its number in the walk, or null.
function hostedFile(number) {
  if (!(number < hostedFiles.length)) return null;
  try {
    return { type: 'application/octet-stream', body: readFileSync(hostedFiles[number]) };
  } catch {
    return null;
  }
}

const pyodideTypes = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.zip': 'application/zip', '.whl': 'application/zip', '.tar': 'application/x-tar' };
function pyodideFile(name) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(name)) return null;
  const type = pyodideTypes[name.slice(name.lastIndexOf('.'))];
  if (type === undefined) return null;
  try {
    return { type, body: readFileSync(join(modulePath, name)) };
  } catch {
    return null;
  }
}

const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const prefix = `/${token}/`;
// The page's report: its two streams of at most limit + 1 bytes each, JSON-escaped (at most 6
// characters a byte), and the phases.
const largestReport = 12 * (outputLimit + 1) + (1 << 20);
let reported = false;
const refuse = (response, status) => {
  response.writeHead(status, { 'Content-Length': 0 });
  response.end();
};
const server = createServer((request, response) => {
  // Nothing is served, and nothing read, without this run's token; and one report only.
  if (reported || !request.url.startsWith(prefix)) {
    refuse(response, 404);
    request.resume();
    return;
  }
  const path = request.url.slice(prefix.length);
  const served = request.method !== 'GET' ? null
    : /^fs\/[0-9]+$/.test(path) ? hostedFile(Number(path.slice(3)))
    : !pyodideMode ? null
    : path.startsWith('pyodide/') ? pyodideFile(path.slice('pyodide/'.length))
    : guestFiles[path] ? { type: 'text/x-python; charset=utf-8', body: guestFiles[path] } : null;
  if (request.method === 'GET' && path === '') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...isolation });
    response.end(pyodideMode ? pyodidePage() : page);
  } else if (served) {
    response.writeHead(200, { 'Content-Type': served.type, ...isolation, 'Cross-Origin-Resource-Policy': 'same-origin' });
    response.end(served.body);
  } else if (request.method === 'GET' && path === 'module.wasm' && !pyodideMode) {
    response.writeHead(200, { 'Content-Type': 'application/wasm', ...isolation });
    response.end(bytes);
  } else if (request.method === 'POST' && path === 'report') {
    reported = true;
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > largestReport) {
        refuse(response, 413);
        fail('runtime-error', `the page posted a report of more than ${largestReport} bytes`);
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      response.writeHead(204, isolation);
      response.end();
      let posted;
      try {
        posted = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        fail('runtime-error', `the page posted no readable report: ${error.message}`);
      }
      Object.assign(report, posted.report);
      process.stdout.write(String(posted.stdout ?? ''));
      process.stderr.write(String(posted.stderr ?? ''));
      if (!pyodideMode) finish(0);
      else if (report.error) fail(report.error.kind, report.error.message);
      else finish(Number.isInteger(report.exitCode) ? report.exitCode & 0xff : 70);
    });
  } else {
    refuse(response, 404);
    request.resume();
  }
});

server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  // The browser opens a file only this user can read, which sends it on to the page.
  const launch = join(dirname(reportPath), 'browser-launch.html');
  let command;
  try {
    rmSync(launch, { force: true });
    writeFileSync(launch, `<!DOCTYPE html><meta charset="utf-8"><script>location.replace(${embed(url)});</script>`, { mode: 0o600 });
    command = JSON.parse(commandJSON).map((word) => (word === '{URL}' ? `file://${launch}` : word));
  } catch (error) {
    fail('runtime-error', `cannot start the browser on ${launch}: ${error.message}`);
  }
  const [browser, ...browserArgs] = command;
  child = spawn(browser, browserArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  let browserErr = '';
  child.stderr.on('data', (chunk) => { browserErr = (browserErr + chunk).slice(-4000); });
  child.on('error', (error) => fail('runtime-error', `cannot start ${browser}: ${error.message}`));
  child.on('exit', (code, signal) => {
    fail('crash', `${browser} ended (${signal ?? `status ${code}`}) before the page reported: ${browserErr.trim().split('\n').slice(-3).join(' | ')}`);
  });
});

// wasmbench's driver for a headless browser: serves a page of ours on 127.0.0.1 that times
// compile, instantiate and the guest's run inside the browser's engine, gives the guest a small
// WASI preview1 shim (arguments, a clock, stdout and stderr, exit; nothing else), and collects
// what the page reports.
// Usage: node browser-driver.mjs REPORT.json MODULE.wasm BROWSER-COMMAND.json OUTPUT-LIMIT command ARGS...
// BROWSER-COMMAND.json is the browser's program and arguments as a JSON array, with the word
// {URL} where the page's address goes; the browser is killed once the page has reported. The guest's stdout and
// stderr are printed on this process's stdout and stderr, at most OUTPUT-LIMIT bytes of each and one more
// when the guest wrote past it (the page stops the guest there: an output-limit error); the report is the
// node driver's JSON (phases in nanoseconds, the exit code, or an error with its kind).
//
// Only the page of this run is believed: the server listens on 127.0.0.1 alone and serves the page, the
// module and the report under a random path (a per-run token of 256 bits) and nothing else (404, no body),
// and takes one report. The token is on no command line, where any local user could read it in /proc:
// the browser is given a file:// page (mode 0600, next to the report) that sends it on to the real one.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, join } from 'node:path';

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
  finish(0);
}

if (!(Number.isSafeInteger(outputLimit) && outputLimit > 0)) fail('runtime-error', `the output limit ${limitText} is not a byte count`);
if (mode !== 'command') fail('unsupported', 'the browser runtime runs WASI commands only (no --invoke)');
let bytes;
try {
  bytes = readFileSync(modulePath);
} catch (error) {
  fail('runtime-error', `cannot read ${modulePath}: ${error.message}`);
}

// The page: everything it needs is inline; it fetches the module from this server only, by paths
// relative to its own (so under the token).
const page = `<!DOCTYPE html><meta charset="utf-8"><title>wasmbench</title><script type="module">
const args = ${JSON.stringify([basename(modulePath), ...guestArgs])};
const limit = ${outputLimit};
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
    view().setUint32(countPointer, 0, true);
    view().setUint32(sizePointer, 0, true);
    return 0;
  },
  environ_get() { return 0; },
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
  fd_fdstat_get(fd, statPointer) {
    if (fd > 2) return 8;
    bytesOf(statPointer, 24).fill(0);
    view().setUint8(statPointer, 2); // a character device
    return 0;
  },
  fd_prestat_get() { return 8; },
  fd_prestat_dir_name() { return 8; },
  fd_close() { return 0; },
  fd_seek() { return 70; }, // ESPIPE: stdout is not seekable
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
    if (i.module !== 'wasi_snapshot_preview1' || i.kind !== 'function') continue;
    imports.wasi_snapshot_preview1[i.name] = wasi[i.name] ?? (() => 52); // ENOSYS
  }
  let instance;
  t0 = performance.now();
  try { instance = await WebAssembly.instantiate(module, imports); } catch (e) {
    return trapped(e) ? { kind: 'trap', message: String(e) } : { kind: 'invalid-module', message: 'could not link the module: ' + String(e) };
  }
  report.phases.instantiate = Number(ns(performance.now() - t0));
  memory = instance.exports.memory;
  if (typeof instance.exports._start !== 'function') return { kind: 'invalid-module', message: 'the module exports no _start function' };
  report.entryRealtime = Number(ns(performance.timeOrigin + performance.now()));
  t0 = performance.now();
  try { instance.exports._start(); report.exitCode = 0; } catch (e) {
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
  if (request.method === 'GET' && path === '') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...isolation });
    response.end(page);
  } else if (request.method === 'GET' && path === 'module.wasm') {
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
      finish(0);
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
    writeFileSync(launch, `<!DOCTYPE html><meta charset="utf-8"><script>location.replace(${JSON.stringify(url)});</script>`, { mode: 0o600 });
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

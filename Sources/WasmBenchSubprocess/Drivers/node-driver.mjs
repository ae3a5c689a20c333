// wasmbench's driver for Node.js: times compile, instantiate and the guest's run inside V8.
// Usage: node [V8 flags] node-driver.mjs REPORT.json MODULE.wasm command ARGS...
//        node [V8 flags] node-driver.mjs REPORT.json MODULE.wasm invoke ITERATIONS FUNCTION ARGS...
// The guest gets WASI preview1 with no preopened directories and an empty environment.
// The report is JSON: phases in nanoseconds, the exit code, or an error with its kind.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const [reportPath, modulePath, mode, ...rest] = process.argv.slice(2);
const report = { phases: {}, iterations: [] };
const mono = () => process.hrtime.bigint();
const realtimeNs = () => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e3)) * 1000n;
const save = () => writeFileSync(reportPath, JSON.stringify(report, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));

function fail(kind, error) {
  report.error = { kind, message: String(error && error.message ? error.message : error) };
  save();
  process.exit(0);
}

let bytes;
try {
  bytes = readFileSync(modulePath);
} catch (error) {
  fail('runtime-error', `cannot read ${modulePath}: ${error.message}`);
}

let module;
let t0 = mono();
try {
  module = new WebAssembly.Module(bytes);
} catch (error) {
  fail('invalid-module', error);
}
report.phases.compile = mono() - t0;

const guestArgs = mode === 'command' ? rest : [];
const wasi = new WASI({ version: 'preview1', args: [basename(modulePath), ...guestArgs], env: {}, preopens: {}, returnOnExit: true });
let instance;
t0 = mono();
try {
  const imports = WebAssembly.Module.imports(module).some((i) => i.module === 'wasi_snapshot_preview1')
    ? wasi.getImportObject()
    : {};
  instance = new WebAssembly.Instance(module, imports);
} catch (error) {
  fail(error instanceof WebAssembly.LinkError ? 'invalid-module' : 'trap', error);
}
report.phases.instantiate = mono() - t0;

try {
  if (mode === 'command') {
    if (typeof instance.exports._start !== 'function') {
      fail('invalid-module', 'the module exports no _start function; pass --invoke NAME to call an export');
    }
    report.entryRealtime = realtimeNs();
    t0 = mono();
    report.exitCode = wasi.start(instance);
    report.phases.start = mono() - t0;
  } else {
    const [iterations, name, ...values] = rest;
    const fn = instance.exports[name];
    if (typeof fn !== 'function') fail('invalid-module', `the module exports no function named ${name}`);
    const args = values.map((v) => (/^-?\d+$/.test(v) && Math.abs(Number(v)) > 2 ** 31 ? BigInt(v) : Number(v)));
    if (typeof instance.exports._initialize === 'function') wasi.initialize(instance);
    for (let i = 0; i < Number(iterations); i++) {
      t0 = mono();
      fn(...args);
      report.iterations.push(mono() - t0);
    }
    report.exitCode = 0;
  }
} catch (error) {
  fail(error instanceof WebAssembly.RuntimeError ? 'trap' : 'runtime-error', error);
}
save();

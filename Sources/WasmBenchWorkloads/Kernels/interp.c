/*
 * interp - a bytecode interpreter: a small stack machine with one switch dispatch per
 * instruction runs a loop that accumulates a branchy sum. Indirect branches, a value stack in
 * memory and short dependent operations, as in a scripting-language interpreter's core loop.
 */
#include "wasmbench.h" /* first: it defines _POSIX_C_SOURCE for the system headers */

/* Loop trips the bytecode program makes per iteration. Read afresh every iteration. */
static volatile int interp_trips = 1000000;

/*
 * Expected result for 1000000 trips: the program's sum mixed with the trip count; reproduced by
 * an independent Python script that computes the same sum directly (no interpreter).
 */
#define INTERP_EXPECTED UINT64_C(9703045391603971952)

/* The instruction set. Operands follow their opcode in the code array. */
enum {
    OP_HALT,  /* stop; the result is the top of the stack */
    OP_PUSH,  /* operand: constant; push it */
    OP_LOAD,  /* operand: local slot; push its value */
    OP_STORE, /* operand: local slot; pop into it */
    OP_ADD,   /* pop b, pop a, push a + b (all arithmetic wraps modulo 2^64) */
    OP_SUB,   /* ... a - b */
    OP_MUL,   /* ... a * b */
    OP_MOD,   /* ... a % b (b is never 0 in the program) */
    OP_AND,   /* ... a & b */
    OP_XOR,   /* ... a ^ b */
    OP_LT,    /* ... 1 if a < b else 0 */
    OP_JMP,   /* operand: target; jump */
    OP_JZ,    /* operand: target; pop, jump if it is 0 */
};

/* Local slots used by the program. */
enum { SLOT_N, SLOT_I, SLOT_SUM, SLOT_T, SLOT_COUNT };

#define INTERP_CODE_MAX 128

/* A program under construction: code words plus a length. */
typedef struct {
    int64_t words[INTERP_CODE_MAX];
    int length;
} interp_code;

static interp_code interp_program;

/* Appends an opcode or operand; returns its offset. (The program below needs 66 words.) */
static int interp_emit(interp_code *code, int64_t word) {
    int at = code->length;
    if (at < INTERP_CODE_MAX) {
        code->words[at] = word;
        code->length = at + 1;
    }
    return at;
}

static void interp_emit2(interp_code *code, int64_t op, int64_t operand) {
    interp_emit(code, op);
    interp_emit(code, operand);
}

/* Emits a jump whose target is not known yet; returns the operand's offset for interp_patch. */
static int interp_emit_jump(interp_code *code, int64_t op) {
    interp_emit(code, op);
    return interp_emit(code, -1);
}

/* Points a jump emitted by interp_emit_jump at the next instruction to be emitted. */
static void interp_patch(interp_code *code, int operand_at) {
    code->words[operand_at] = code->length;
}

/*
 * Assembles:
 *   for (i = 0; i < n; i++) {
 *       t = i * i % 7;
 *       if (t & 1) sum = sum + t * 3; else sum = (sum - t) ^ i;
 *   }
 *   return sum;
 */
static void interp_assemble(interp_code *code) {
    code->length = 0;
    interp_emit2(code, OP_PUSH, 0);
    interp_emit2(code, OP_STORE, SLOT_I);
    interp_emit2(code, OP_PUSH, 0);
    interp_emit2(code, OP_STORE, SLOT_SUM);

    int loop = code->length;
    interp_emit2(code, OP_LOAD, SLOT_I);
    interp_emit2(code, OP_LOAD, SLOT_N);
    interp_emit(code, OP_LT);
    int to_end = interp_emit_jump(code, OP_JZ);

    interp_emit2(code, OP_LOAD, SLOT_I);
    interp_emit2(code, OP_LOAD, SLOT_I);
    interp_emit(code, OP_MUL);
    interp_emit2(code, OP_PUSH, 7);
    interp_emit(code, OP_MOD);
    interp_emit2(code, OP_STORE, SLOT_T);

    interp_emit2(code, OP_LOAD, SLOT_T);
    interp_emit2(code, OP_PUSH, 1);
    interp_emit(code, OP_AND);
    int to_even = interp_emit_jump(code, OP_JZ);

    interp_emit2(code, OP_LOAD, SLOT_SUM); /* odd */
    interp_emit2(code, OP_LOAD, SLOT_T);
    interp_emit2(code, OP_PUSH, 3);
    interp_emit(code, OP_MUL);
    interp_emit(code, OP_ADD);
    interp_emit2(code, OP_STORE, SLOT_SUM);
    int to_next = interp_emit_jump(code, OP_JMP);

    interp_patch(code, to_even); /* even */
    interp_emit2(code, OP_LOAD, SLOT_SUM);
    interp_emit2(code, OP_LOAD, SLOT_T);
    interp_emit(code, OP_SUB);
    interp_emit2(code, OP_LOAD, SLOT_I);
    interp_emit(code, OP_XOR);
    interp_emit2(code, OP_STORE, SLOT_SUM);

    interp_patch(code, to_next); /* next */
    interp_emit2(code, OP_LOAD, SLOT_I);
    interp_emit2(code, OP_PUSH, 1);
    interp_emit(code, OP_ADD);
    interp_emit2(code, OP_STORE, SLOT_I);
    interp_emit2(code, OP_JMP, loop);

    interp_patch(code, to_end); /* end */
    interp_emit2(code, OP_LOAD, SLOT_SUM);
    interp_emit(code, OP_HALT);
}

#define INTERP_STACK 16

/* Runs code with the given locals; returns the top of the stack at OP_HALT. */
static uint64_t interp_run(const int64_t *code, uint64_t *locals) {
    uint64_t stack[INTERP_STACK];
    int sp = 0; /* number of values on the stack */
    int pc = 0;
    for (;;) {
        int64_t op = code[pc++];
        switch (op) {
        case OP_HALT:
            return sp > 0 ? stack[sp - 1] : 0;
        case OP_PUSH:
            stack[sp++] = (uint64_t)code[pc++];
            break;
        case OP_LOAD:
            stack[sp++] = locals[code[pc++]];
            break;
        case OP_STORE:
            locals[code[pc++]] = stack[--sp];
            break;
        case OP_ADD:
            sp--;
            stack[sp - 1] += stack[sp];
            break;
        case OP_SUB:
            sp--;
            stack[sp - 1] -= stack[sp];
            break;
        case OP_MUL:
            sp--;
            stack[sp - 1] *= stack[sp];
            break;
        case OP_MOD:
            sp--;
            stack[sp - 1] %= stack[sp];
            break;
        case OP_AND:
            sp--;
            stack[sp - 1] &= stack[sp];
            break;
        case OP_XOR:
            sp--;
            stack[sp - 1] ^= stack[sp];
            break;
        case OP_LT:
            sp--;
            stack[sp - 1] = stack[sp - 1] < stack[sp];
            break;
        case OP_JMP:
            pc = (int)code[pc];
            break;
        case OP_JZ:
            pc = stack[--sp] == 0 ? (int)code[pc] : pc + 1;
            break;
        default:
            return 0; /* unknown opcode: the checksum will not match */
        }
    }
}

/* Assembles the program afresh (untimed). */
static void interp_prepare(void) {
    interp_assemble(&interp_program);
}

static uint64_t interp_work(void) {
    uint64_t locals[SLOT_COUNT] = {0};
    uint64_t trips = (uint64_t)interp_trips;
    locals[SLOT_N] = trips;
    return wb_mix(trips, interp_run(interp_program.words, locals));
}

/* Stores the problem size (`trips`) the work reads. */
static void interp_set_size(int size) {
    interp_trips = (int)size;
}

int main(int argc, char **argv) {
    wb_size size = {"trips", 1000000, 1, 1000000000, interp_set_size, NULL};
    wb_kernel kernel = {interp_prepare, interp_work, INTERP_EXPECTED, size};
    return wb_run(argc, argv, kernel);
}

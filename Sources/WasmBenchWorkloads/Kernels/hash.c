/*
 * hash - 64-bit integer multiply, rotate, shift and xor: a four-lane mixing hash (our own design)
 * over a 256 KiB buffer that stays in L2. Each pass is seeded with the previous pass's digest,
 * so passes cannot overlap or be skipped. The buffer length is not a multiple of the 32-byte
 * block, so the 8-byte and single-byte tail paths run too.
 */
#include "wasmbench.h" /* first: it defines _POSIX_C_SOURCE for the system headers */

#include <string.h>

#define HASH_BYTES (256 * 1024 + 13)

/* Multipliers: fractional hexadecimal digits of pi, forced odd. */
#define HASH_K1 UINT64_C(0x243f6a8885a308d3)
#define HASH_K2 UINT64_C(0xa4093822299f31d1)

/* Passes over the buffer per iteration. Read afresh every iteration. */
static volatile int hash_passes = 1500;

/* Expected result for 1500 passes: the last digest; reproduced by an independent Python script. */
#define HASH_EXPECTED UINT64_C(4805477543353884018)

static unsigned char hash_buffer[HASH_BYTES];

static uint64_t hash_rotl(uint64_t x, int r) {
    return (x << r) | (x >> (64 - r));
}

/* A little-endian 64-bit load (both targets are little-endian; memcpy keeps it well defined). */
static uint64_t hash_load(const unsigned char *p) {
    uint64_t word;
    memcpy(&word, p, sizeof word);
    return word;
}

/* Absorbs one word into one lane. */
static uint64_t hash_absorb(uint64_t lane, uint64_t word) {
    lane ^= word * HASH_K1;
    lane = hash_rotl(lane, 27);
    lane *= HASH_K2;
    return lane ^ (lane >> 31);
}

/* Final avalanche: every input bit reaches every output bit. */
static uint64_t hash_finish(uint64_t h) {
    h ^= h >> 33;
    h *= HASH_K2;
    h ^= h >> 29;
    h *= HASH_K1;
    return h ^ (h >> 32);
}

static uint64_t hash_bytes(const unsigned char *data, size_t length, uint64_t seed) {
    uint64_t a = seed ^ HASH_K1;
    uint64_t b = seed + HASH_K2;
    uint64_t c = hash_rotl(seed, 17) ^ HASH_K2;
    uint64_t d = ~seed;
    size_t i = 0;
    for (; i + 32 <= length; i += 32) {
        a = hash_absorb(a, hash_load(data + i));
        b = hash_absorb(b, hash_load(data + i + 8));
        c = hash_absorb(c, hash_load(data + i + 16));
        d = hash_absorb(d, hash_load(data + i + 24));
    }
    uint64_t h = hash_rotl(a, 1) + hash_rotl(b, 7) + hash_rotl(c, 12) + hash_rotl(d, 18);
    h ^= (uint64_t)length;
    for (; i + 8 <= length; i += 8) {
        h = hash_absorb(h, hash_load(data + i));
    }
    for (; i < length; i++) {
        h = (h ^ data[i]) * HASH_K1;
    }
    return hash_finish(h);
}

/* The same buffer contents every time (xorshift64). */
static void hash_prepare(void) {
    uint64_t state = UINT64_C(88172645463325252);
    for (size_t i = 0; i < HASH_BYTES; i++) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        hash_buffer[i] = (unsigned char)(state >> 56);
    }
}

static uint64_t hash_work(void) {
    int passes = hash_passes;
    uint64_t digest = 0;
    for (int pass = 0; pass < passes; pass++) {
        digest = hash_bytes(hash_buffer, HASH_BYTES, digest);
    }
    return digest;
}

/* Stores the problem size (`passes`) the work reads. */
static void hash_set_size(int size) {
    hash_passes = (int)size;
}

int main(int argc, char **argv) {
    wb_size size = {"passes", 1500, 1, 1000000, hash_set_size, NULL};
    wb_kernel kernel = {hash_prepare, hash_work, HASH_EXPECTED, size};
    return wb_run(argc, argv, kernel);
}

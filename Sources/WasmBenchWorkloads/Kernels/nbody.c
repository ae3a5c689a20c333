/*
 * nbody - floating-point simulation: 32 point masses under softened gravity (G = 1), advanced
 * with a symplectic Euler step (kick from all pairwise forces, then drift). Each pair costs a
 * square root and a division. The result is checked bit for bit: with -ffp-contract=off every
 * operation is one correctly rounded IEEE double operation in source order, on every target.
 */
#include "wasmbench.h" /* first: it defines _POSIX_C_SOURCE for the system headers */

#include <math.h>
#include <string.h>

#define NBODY_BODIES 32
#define NBODY_DT 0.001
#define NBODY_SOFTENING 0.01 /* added to every squared distance */

/* Time steps per iteration. Read afresh every iteration. */
static volatile int nbody_steps = 10000;

/*
 * Expected result for 10000 steps: positions and total energy folded bit pattern by bit pattern
 * (see nbody_checksum); reproduced by an independent Python script doing the same operations.
 * The total energy goes from -453.635919713 to -452.585784816 (softening and step size keep the
 * drift small).
 */
#define NBODY_EXPECTED UINT64_C(17000719785739758125)

typedef struct {
    double x[NBODY_BODIES], y[NBODY_BODIES], z[NBODY_BODIES];
    double vx[NBODY_BODIES], vy[NBODY_BODIES], vz[NBODY_BODIES];
    double mass[NBODY_BODIES];
} nbody_system;

static nbody_system nbody;

/* A value in [-scale, scale] in steps of scale / 1000, from a 32-bit LCG. */
static double nbody_draw(uint32_t *seed, double scale) {
    *seed = *seed * 1664525u + 1013904223u;
    int step = (int)((*seed >> 16) % 2001u) - 1000;
    return (double)step * scale / 1000.0;
}

/* The same starting state every time; the centre of mass starts at rest. */
static void nbody_reset(nbody_system *s) {
    uint32_t seed = 20240601u;
    for (int i = 0; i < NBODY_BODIES; i++) {
        s->x[i] = nbody_draw(&seed, 1.0);
        s->y[i] = nbody_draw(&seed, 1.0);
        s->z[i] = nbody_draw(&seed, 1.0);
        s->vx[i] = nbody_draw(&seed, 0.1);
        s->vy[i] = nbody_draw(&seed, 0.1);
        s->vz[i] = nbody_draw(&seed, 0.1);
        s->mass[i] = 1.0 + nbody_draw(&seed, 0.5);
    }
    double px = 0.0, py = 0.0, pz = 0.0, total = 0.0;
    for (int i = 0; i < NBODY_BODIES; i++) {
        px += s->mass[i] * s->vx[i];
        py += s->mass[i] * s->vy[i];
        pz += s->mass[i] * s->vz[i];
        total += s->mass[i];
    }
    for (int i = 0; i < NBODY_BODIES; i++) {
        s->vx[i] -= px / total;
        s->vy[i] -= py / total;
        s->vz[i] -= pz / total;
    }
}

/* One time step: update every velocity from every pair, then every position. */
static void nbody_step(nbody_system *s, double dt) {
    for (int i = 0; i < NBODY_BODIES; i++) {
        for (int j = i + 1; j < NBODY_BODIES; j++) {
            double dx = s->x[i] - s->x[j];
            double dy = s->y[i] - s->y[j];
            double dz = s->z[i] - s->z[j];
            double d2 = dx * dx + dy * dy + dz * dz + NBODY_SOFTENING;
            double scale = dt / (d2 * sqrt(d2));
            double mi = s->mass[i] * scale;
            double mj = s->mass[j] * scale;
            s->vx[i] -= dx * mj;
            s->vy[i] -= dy * mj;
            s->vz[i] -= dz * mj;
            s->vx[j] += dx * mi;
            s->vy[j] += dy * mi;
            s->vz[j] += dz * mi;
        }
    }
    for (int i = 0; i < NBODY_BODIES; i++) {
        s->x[i] += dt * s->vx[i];
        s->y[i] += dt * s->vy[i];
        s->z[i] += dt * s->vz[i];
    }
}

/* Kinetic plus (softened) potential energy. */
static double nbody_energy(const nbody_system *s) {
    double energy = 0.0;
    for (int i = 0; i < NBODY_BODIES; i++) {
        double v2 = s->vx[i] * s->vx[i] + s->vy[i] * s->vy[i] + s->vz[i] * s->vz[i];
        energy += 0.5 * s->mass[i] * v2;
        for (int j = i + 1; j < NBODY_BODIES; j++) {
            double dx = s->x[i] - s->x[j];
            double dy = s->y[i] - s->y[j];
            double dz = s->z[i] - s->z[j];
            double d2 = dx * dx + dy * dy + dz * dz + NBODY_SOFTENING;
            energy -= s->mass[i] * s->mass[j] / sqrt(d2);
        }
    }
    return energy;
}

static uint64_t nbody_bits(double value) {
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

/* Energy, then every position, folded by bit pattern. */
static uint64_t nbody_checksum(const nbody_system *s) {
    uint64_t sum = nbody_bits(nbody_energy(s));
    for (int i = 0; i < NBODY_BODIES; i++) {
        sum = wb_mix(sum, nbody_bits(s->x[i]));
        sum = wb_mix(sum, nbody_bits(s->y[i]));
        sum = wb_mix(sum, nbody_bits(s->z[i]));
    }
    return sum;
}

static uint64_t nbody_work(void) {
    int steps = nbody_steps;
    nbody_reset(&nbody);
    for (int step = 0; step < steps; step++) {
        nbody_step(&nbody, NBODY_DT);
    }
    return nbody_checksum(&nbody);
}

/* Stores the problem size (`steps`) the work reads. */
static void nbody_set_size(int size) {
    nbody_steps = (int)size;
}

int main(int argc, char **argv) {
    wb_size size = {"steps", 10000, 1, 10000000, nbody_set_size, NULL};
    wb_kernel kernel = {NULL, nbody_work, NBODY_EXPECTED, size};
    return wb_run(argc, argv, kernel);
}

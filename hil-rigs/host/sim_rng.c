#include <math.h>
#include "rig_sim.h"

void sim_rng_seed(sim_rng_t *r, uint64_t seed)
{
    uint64_t z = seed + 0x9E3779B97F4A7C15ull; /* splitmix64 */
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    r->s = z ? z : 0x2545F4914F6CDD1Dull;
    r->has_spare = 0;
}

uint64_t sim_rng_next(sim_rng_t *r)
{
    uint64_t x = r->s; /* xorshift64* */
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    r->s = x;
    return x * 0x2545F4914F6CDD1Dull;
}

double sim_rng_uniform(sim_rng_t *r) { return (double)(sim_rng_next(r) >> 11) * (1.0 / 9007199254740992.0); }

double sim_rng_gauss(sim_rng_t *r)
{
    if (r->has_spare) { r->has_spare = 0; return r->spare; }
    double u1 = sim_rng_uniform(r), u2 = sim_rng_uniform(r);
    if (u1 < 1e-300) u1 = 1e-300;
    double m = sqrt(-2.0 * log(u1));
    r->spare = m * sin(2.0 * M_PI * u2);
    r->has_spare = 1;
    return m * cos(2.0 * M_PI * u2);
}

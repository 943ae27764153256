/* Host-only rig physics and sensor models behind the emulator (tendon/tendon_sim.c, hasel/hasel_sim.c). */
#ifndef RIG_SIM_H
#define RIG_SIM_H

#include <stdint.h>
#include "rig_fw.h"

#define RIG_SIM_MAX_X 32

/* Seeded generator (splitmix64 seeding + xorshift64*, Box-Muller): same seed, same noise. */
typedef struct { uint64_t s; int has_spare; double spare; } sim_rng_t;
void sim_rng_seed(sim_rng_t *r, uint64_t seed);
uint64_t sim_rng_next(sim_rng_t *r);
double sim_rng_uniform(sim_rng_t *r);   /* [0, 1) */
double sim_rng_gauss(sim_rng_t *r);     /* N(0, 1) */

typedef struct {
    double x[RIG_SIM_MAX_X];       /* physical state (rig-specific layout) */
    double gain[RIG_MAX_CHANNELS]; /* per-channel sensor constants drawn from the seed */
    double drift_rate[RIG_MAX_CHANNELS], drift_amp[RIG_MAX_CHANNELS], drift_period[RIG_MAX_CHANNELS];
    double t;                      /* simulated seconds since start */
    sim_rng_t rng;
} rig_sim_t;

typedef struct {
    const char *name;
    const rig_desc_t *desc;
    void (*init)(rig_sim_t *s, uint64_t seed);
    /* Advance by dt seconds with the applied actuator values u (n_inputs). */
    void (*step)(rig_sim_t *s, const float *u, double dt);
    /* Ground-truth outputs and sensor channels (noise and drift scaled). */
    void (*sense)(rig_sim_t *s, float *channels, float *outputs, float noise_scale, float drift_scale);
} rig_sim_ops_t;

extern const rig_desc_t tendon_rig_desc;
extern const rig_desc_t hasel_rig_desc;
extern const rig_sim_ops_t tendon_sim_ops;
extern const rig_sim_ops_t hasel_sim_ops;

/* Tendon kinematics (exposed for tests): bending angles phi (rad, after lag and backlash) -> tip position (m). */
void tendon_tip(double phi1, double phi2, double tip[3]);

#endif

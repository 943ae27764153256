/* Host physics of the HASEL tilting platform (not compiled for the MCU).
 *
 * Electrical: each actuator's normalised voltage v_i (0..1) charges towards V_cmd = u_i + 0.5 with tau_e = 4 ms.
 * Electrohydraulic: the zipping electrodes push the fluid with a force proportional to v^2, so each actuator's stroke
 * z_i (m) is a damped second-order system driven by z_max v_i^2:
 *   z'' = wn^2 (z_max v^2 - z) - 2 zeta wn z',   z_max = 4 mm, wn = 2 pi 12 rad/s, zeta = 0.7
 * (semi-implicit Euler, 8 sub-steps per call). The six actuators sit under the platform at a_i = i 60 deg on radius
 * R = 30 mm; the platform is the least-squares plane through them (small angles):
 *   heave = mean(z),  roll = sum z_i sin a_i / (3 R),  pitch = -sum z_i cos a_i / (3 R).
 * Sensors: one 3-axis Hall sensor under each actuator's magnet, gap g_i = 8 mm + z_i, B0 = 40 mT:
 *   Bz = B0 (g0/g)^3,  Bx = 0.8 B0 (g0/g)^4 (roll sin a_i - pitch cos a_i) * 10,  By = 0.8 B0 (g0/g)^4 (roll cos a_i + pitch sin a_i) * 10
 * times a per-channel gain in [0.95, 1.05], plus drift (as the tendon rig, amplitude 0.05 mT, rate N(0, 5e-4) mT/s) and
 * noise 0.05 mT * noise_scale. */
#include <math.h>
#include "rig_sim.h"

#define H_TAU_E 0.004
#define H_ZMAX 0.004
#define H_WN (2.0 * M_PI * 12.0)
#define H_ZETA 0.7
#define H_R 0.03
#define H_G0 0.008
#define H_B0 40.0

enum { V0 = 0, Z0 = 6, ZD0 = 12 };

static void init(rig_sim_t *s, uint64_t seed)
{
    for (int i = 0; i < RIG_SIM_MAX_X; i++) s->x[i] = 0.0;
    s->t = 0.0;
    sim_rng_seed(&s->rng, seed);
    for (int i = 0; i < 18; i++) {
        s->gain[i] = 0.95 + 0.1 * sim_rng_uniform(&s->rng);
        s->drift_rate[i] = 5e-4 * sim_rng_gauss(&s->rng);
        s->drift_amp[i] = 0.05 * sim_rng_uniform(&s->rng);
        s->drift_period[i] = 20.0 + 40.0 * sim_rng_uniform(&s->rng);
    }
}

static void step(rig_sim_t *s, const float *u, double dt)
{
    const int sub = 8;
    double h = dt / sub, a = 1.0 - exp(-h / H_TAU_E);
    for (int k = 0; k < sub; k++)
        for (int i = 0; i < 6; i++) {
            double vc = (double)u[i] + 0.5;
            double v = s->x[V0 + i] + a * (vc - s->x[V0 + i]);
            double z = s->x[Z0 + i], zd = s->x[ZD0 + i];
            zd += h * (H_WN * H_WN * (H_ZMAX * v * v - z) - 2.0 * H_ZETA * H_WN * zd);
            z += h * zd;
            s->x[V0 + i] = v;
            s->x[Z0 + i] = z;
            s->x[ZD0 + i] = zd;
        }
    s->t += dt;
}

static void sense(rig_sim_t *s, float *channels, float *outputs, float noise_scale, float drift_scale)
{
    double heave = 0.0, roll = 0.0, pitch = 0.0;
    for (int i = 0; i < 6; i++) {
        double a = M_PI / 3.0 * i, z = s->x[Z0 + i];
        heave += z / 6.0;
        roll += z * sin(a) / (3.0 * H_R);
        pitch -= z * cos(a) / (3.0 * H_R);
    }
    outputs[0] = (float)roll;
    outputs[1] = (float)pitch;
    outputs[2] = (float)heave;
    for (int i = 0; i < 6; i++) {
        double a = M_PI / 3.0 * i, r = H_G0 / (H_G0 + s->x[Z0 + i]);
        double b[3];
        b[0] = 8.0 * H_B0 * r * r * r * r * (roll * sin(a) - pitch * cos(a));
        b[1] = 8.0 * H_B0 * r * r * r * r * (roll * cos(a) + pitch * sin(a));
        b[2] = H_B0 * r * r * r;
        for (int j = 0; j < 3; j++) {
            int c = 3 * i + j;
            double drift = s->drift_rate[c] * s->t + s->drift_amp[c] * sin(2.0 * M_PI * s->t / s->drift_period[c]);
            channels[c] = (float)(s->gain[c] * b[j] + drift_scale * drift + 0.05 * noise_scale * sim_rng_gauss(&s->rng));
        }
    }
}

const rig_sim_ops_t hasel_sim_ops = { "hasel", &hasel_rig_desc, init, step, sense };

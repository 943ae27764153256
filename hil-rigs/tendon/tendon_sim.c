/* Host physics of the tendon rig (not compiled for the MCU).
 *
 * Actuators: each motor angle theta_i follows the command u_i with a first-order lag, tau = 30 ms (exact discrete
 * update theta += (1 - exp(-dt/tau)) (u - theta)); the tendon adds backlash (play) of width 0.04 rad, so the bending
 * input phi_i follows theta_i only once the play is taken up (hysteresis: a rate-independent loop of width 0.04 rad).
 *
 * Kinematics (constant curvature, tendons at 0 and 90 degrees around the backbone): each pulley of radius
 * r_p = 5 mm shortens its tendon by r_p phi_i; a tendon offset d = 8 mm from the backbone of length L = 0.12 m bends it
 * with curvature components kx = r_p phi_1 / (d L), ky = r_p phi_2 / (d L). With k = |(kx, ky)| and bending plane
 * angle a = atan2(ky, kx), the tip is
 *   x = cos(a) (1 - cos(k L)) / k,  y = sin(a) (1 - cos(k L)) / k,  z = sin(k L) / k      (k -> 0: (0, 0, L)).
 *
 * Sensors (LightLace optical channels i = 0..10 at angles b_i = 2 pi i / 11 around the body):
 *   c_i = 0.6 + 0.3 tanh(g_i L (kx cos b_i + ky sin b_i)) + 0.05 (k L)^2 + drift_i(t) + 0.002 noise_scale N(0,1)
 *   drift_i(t) = drift_scale (r_i t + A_i sin(2 pi t / T_i)), with g_i in [1.5, 2.5], r_i ~ N(0, 2e-5)/s,
 *   A_i in [0, 0.003], T_i in [20, 60] s drawn from the seed. */
#include <math.h>
#include "rig_sim.h"

#define TENDON_TAU 0.030
#define TENDON_PLAY 0.04
#define TENDON_RP 0.005
#define TENDON_D 0.008
#define TENDON_L 0.12

enum { TH1, TH2, PH1, PH2 };

void tendon_tip(double phi1, double phi2, double tip[3])
{
    double kx = TENDON_RP * phi1 / (TENDON_D * TENDON_L), ky = TENDON_RP * phi2 / (TENDON_D * TENDON_L);
    double k = sqrt(kx * kx + ky * ky);
    if (k * TENDON_L < 1e-9) {
        tip[0] = 0.0; tip[1] = 0.0; tip[2] = TENDON_L;
        return;
    }
    double a = atan2(ky, kx), r = (1.0 - cos(k * TENDON_L)) / k;
    tip[0] = cos(a) * r;
    tip[1] = sin(a) * r;
    tip[2] = sin(k * TENDON_L) / k;
}

static void init(rig_sim_t *s, uint64_t seed)
{
    for (int i = 0; i < RIG_SIM_MAX_X; i++) s->x[i] = 0.0;
    s->t = 0.0;
    sim_rng_seed(&s->rng, seed);
    for (int i = 0; i < 11; i++) {
        s->gain[i] = 1.5 + sim_rng_uniform(&s->rng);
        s->drift_rate[i] = 2e-5 * sim_rng_gauss(&s->rng);
        s->drift_amp[i] = 0.003 * sim_rng_uniform(&s->rng);
        s->drift_period[i] = 20.0 + 40.0 * sim_rng_uniform(&s->rng);
    }
}

static void step(rig_sim_t *s, const float *u, double dt)
{
    double a = 1.0 - exp(-dt / TENDON_TAU);
    for (int i = 0; i < 2; i++) {
        double th = s->x[TH1 + i] + a * ((double)u[i] - s->x[TH1 + i]);
        double ph = s->x[PH1 + i];
        if (th - ph > 0.5 * TENDON_PLAY) ph = th - 0.5 * TENDON_PLAY;
        if (ph - th > 0.5 * TENDON_PLAY) ph = th + 0.5 * TENDON_PLAY;
        s->x[TH1 + i] = th;
        s->x[PH1 + i] = ph;
    }
    s->t += dt;
}

static void sense(rig_sim_t *s, float *channels, float *outputs, float noise_scale, float drift_scale)
{
    double tip[3];
    tendon_tip(s->x[PH1], s->x[PH2], tip);
    for (int i = 0; i < 3; i++) outputs[i] = (float)tip[i];
    double kx = TENDON_RP * s->x[PH1] / (TENDON_D * TENDON_L), ky = TENDON_RP * s->x[PH2] / (TENDON_D * TENDON_L);
    double kl2 = (kx * kx + ky * ky) * TENDON_L * TENDON_L;
    for (int i = 0; i < 11; i++) {
        double b = 2.0 * M_PI * i / 11.0;
        double drift = s->drift_rate[i] * s->t + s->drift_amp[i] * sin(2.0 * M_PI * s->t / s->drift_period[i]);
        double c = 0.6 + 0.3 * tanh(s->gain[i] * TENDON_L * (kx * cos(b) + ky * sin(b))) + 0.05 * kl2
                   + drift_scale * drift + 0.002 * noise_scale * sim_rng_gauss(&s->rng);
        channels[i] = (float)c;
    }
}

const rig_sim_ops_t tendon_sim_ops = { "tendon", &tendon_rig_desc, init, step, sense };

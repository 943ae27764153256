/* Stand-in tendon model (see tendon_standin.h): the emulator's actuator lag (tau 30 ms, dt 2 ms) and constant-curvature
 * kinematics without the backlash, so the NPC has a model that is close but not identical to the plant. */
#include <math.h>
#include "tendon_standin.h"

void tendon_standin_step(const float state[TENDON_STANDIN_STATE_SIZE], const float input[TENDON_STANDIN_INPUT_SIZE],
                         float next_state[TENDON_STANDIN_STATE_SIZE])
{
    const float a = 0.06449301f; /* 1 - exp(-0.002 / 0.030) */
    const float rp = 0.005f, d = 0.008f, l = 0.12f;
    float th1 = state[3] + a * (input[0] - state[3]);
    float th2 = state[4] + a * (input[1] - state[4]);
    float kx = rp * th1 / (d * l), ky = rp * th2 / (d * l);
    float k = sqrtf(kx * kx + ky * ky);
    if (k * l < 1e-6f) {
        next_state[0] = 0.5f * kx * l * l;
        next_state[1] = 0.5f * ky * l * l;
        next_state[2] = l;
    } else {
        float r = (1.0f - cosf(k * l)) / k;
        next_state[0] = kx / k * r;
        next_state[1] = ky / k * r;
        next_state[2] = sinf(k * l) / k;
    }
    next_state[3] = th1;
    next_state[4] = th2;
}

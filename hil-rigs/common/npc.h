/* On-device Newton-Raphson neural predictive control (Soloway-Haley cost with a barrier; papers.md "Toward smart
 * composites", nlsoft soloway_nr.py / helpers.cpp). One Newton step per tick over a one-step-ahead model prediction.
 *
 *   J(u) = (r - y(u))' Q (r - y(u)) + (u - u_prev)' Lambda (u - u_prev)
 *          + sum_i [ s / (u_i + w/2 - b) + s / (w/2 + b - u_i) - 4 / w ]
 *
 * with y(u) the model's output prediction for input u, Q = q_scale * diag(q), Lambda = lambda * I, the barrier keeping u
 * inside (b - w/2, b + w/2) (b = centre, w = width of the actuator range), sharpness s. Derivatives dy/du and d2y/du2
 * by central differences with step eps (as the paper); gradient g and Hessian
 *   H = 2 J_y' Q J_y - 2 diag_k( (d2y/du_k2)' Q (r - y) ) + 2 Lambda + diag(barrier'')
 * then u = u_prev - H^-1 g, clipped to the actuator range; a NaN keeps u_prev. */
#ifndef RIG_NPC_H
#define RIG_NPC_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RIG_NPC_MAX_U 8
#define RIG_NPC_MAX_Y 8
#define RIG_NPC_MAX_STATE 64

/* An exported model (robotics model export-c): next_state = step(state, input); the first n_outputs state entries are
 * the rig outputs y, the rest latent (GRU/LSTM hidden state). */
typedef struct {
    int state_size;
    int input_size;
    void (*step)(const float *state, const float *input, float *next_state);
} rig_model_t;

typedef struct {
    float q[RIG_NPC_MAX_Y]; /* diagonal of Q */
    float q_scale, lambda, eps;
    float barrier_s;        /* s */
} rig_npc_config_t;

typedef struct {
    rig_npc_config_t cfg;
    float state[RIG_NPC_MAX_STATE]; /* model state (y, latent) carried between ticks */
    float prediction[RIG_NPC_MAX_Y];
} rig_npc_t;

void rig_npc_init(rig_npc_t *npc, const rig_npc_config_t *cfg);

/* One Newton step. y_meas (may be NULL) overwrites the model's output entries before predicting (measured or ground
 * truth outputs). u_prev, u_out: n_u values; u_min/u_max the actuator range. Returns 0 on success, 1 when the step
 * produced NaN/inf or a singular Hessian (u_out = u_prev). The model state advances with the applied u_out. */
int rig_npc_step(rig_npc_t *npc, const rig_model_t *model, int n_u, int n_y, const float *y_meas, const float *target,
                 const float *u_prev, float u_min, float u_max, float *u_out, int *clamped);

#ifdef __cplusplus
}
#endif
#endif /* RIG_NPC_H */

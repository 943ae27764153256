/* On-device Newton NPC: see npc.h. C99, no libc calls, fixed-size stack buffers. */
#include "npc.h"

static int bad(float x) { return x != x || x > 3.0e38f || x < -3.0e38f; }

void rig_npc_init(rig_npc_t *npc, const rig_npc_config_t *cfg)
{
    npc->cfg = *cfg;
    for (int i = 0; i < RIG_NPC_MAX_STATE; i++) npc->state[i] = 0.0f;
    for (int i = 0; i < RIG_NPC_MAX_Y; i++) npc->prediction[i] = 0.0f;
}

/* Solve A x = b in place (n <= RIG_NPC_MAX_U), partial pivoting. Returns 1 when singular. */
static int solve(float a[RIG_NPC_MAX_U][RIG_NPC_MAX_U], float *b, int n)
{
    for (int c = 0; c < n; c++) {
        int p = c;
        float best = a[c][c] < 0 ? -a[c][c] : a[c][c];
        for (int r = c + 1; r < n; r++) {
            float v = a[r][c] < 0 ? -a[r][c] : a[r][c];
            if (v > best) { best = v; p = r; }
        }
        if (!(best > 1e-30f)) return 1;
        if (p != c) {
            for (int k = 0; k < n; k++) { float t = a[c][k]; a[c][k] = a[p][k]; a[p][k] = t; }
            float t = b[c]; b[c] = b[p]; b[p] = t;
        }
        for (int r = c + 1; r < n; r++) {
            float f = a[r][c] / a[c][c];
            for (int k = c; k < n; k++) a[r][k] -= f * a[c][k];
            b[r] -= f * b[c];
        }
    }
    for (int r = n - 1; r >= 0; r--) {
        float s = b[r];
        for (int k = r + 1; k < n; k++) s -= a[r][k] * b[k];
        b[r] = s / a[r][r];
    }
    return 0;
}

static void predict(const rig_npc_t *npc, const rig_model_t *model, const float *state, const float *u, float *y, int n_y)
{
    float next[RIG_NPC_MAX_STATE];
    model->step(state, u, next);
    for (int i = 0; i < n_y; i++) y[i] = next[i];
    (void)npc;
}

int rig_npc_step(rig_npc_t *npc, const rig_model_t *model, int n_u, int n_y, const float *y_meas, const float *target,
                 const float *u_prev, float u_min, float u_max, float *u_out, int *clamped)
{
    const rig_npc_config_t *c = &npc->cfg;
    float u0[RIG_NPC_MAX_U], up[RIG_NPC_MAX_U], y0[RIG_NPC_MAX_Y], yp[RIG_NPC_MAX_Y], ym[RIG_NPC_MAX_Y];
    float jy[RIG_NPC_MAX_Y][RIG_NPC_MAX_U], d2[RIG_NPC_MAX_Y][RIG_NPC_MAX_U];
    float h[RIG_NPC_MAX_U][RIG_NPC_MAX_U], g[RIG_NPC_MAX_U], e[RIG_NPC_MAX_Y];
    const float w = u_max - u_min, b = 0.5f * (u_max + u_min), margin = 1e-4f * w;
    int failed = 0;
    *clamped = 0;
    if (n_u > RIG_NPC_MAX_U || n_y > RIG_NPC_MAX_Y || model->state_size > RIG_NPC_MAX_STATE || model->input_size != n_u)
        failed = 1;
    if (y_meas != 0)
        for (int i = 0; i < n_y; i++) npc->state[i] = y_meas[i];
    for (int k = 0; k < n_u; k++) {
        float v = u_prev[k];
        if (v < u_min + margin) v = u_min + margin;
        if (v > u_max - margin) v = u_max - margin;
        u0[k] = v;
        up[k] = v;
    }
    if (!failed) {
        predict(npc, model, npc->state, u0, y0, n_y);
        for (int i = 0; i < n_y; i++) e[i] = target[i] - y0[i];
        for (int k = 0; k < n_u; k++) {
            up[k] = u0[k] + c->eps;
            predict(npc, model, npc->state, up, yp, n_y);
            up[k] = u0[k] - c->eps;
            predict(npc, model, npc->state, up, ym, n_y);
            up[k] = u0[k];
            for (int i = 0; i < n_y; i++) {
                jy[i][k] = (yp[i] - ym[i]) / (2.0f * c->eps);
                d2[i][k] = (yp[i] - 2.0f * y0[i] + ym[i]) / (c->eps * c->eps);
            }
        }
        for (int k = 0; k < n_u; k++) {
            float gk = 0.0f, curv = 0.0f;
            for (int i = 0; i < n_y; i++) {
                float qi = c->q_scale * c->q[i];
                gk += -2.0f * jy[i][k] * qi * e[i];
                curv += -2.0f * d2[i][k] * qi * e[i];
            }
            float lo = u0[k] + 0.5f * w - b, hi = 0.5f * w + b - u0[k];
            gk += -c->barrier_s / (lo * lo) + c->barrier_s / (hi * hi);
            g[k] = gk;
            for (int l = 0; l < n_u; l++) {
                float hkl = 0.0f;
                for (int i = 0; i < n_y; i++) hkl += 2.0f * jy[i][k] * c->q_scale * c->q[i] * jy[i][l];
                h[k][l] = hkl;
            }
            h[k][k] += curv + 2.0f * c->lambda + 2.0f * c->barrier_s / (lo * lo * lo) + 2.0f * c->barrier_s / (hi * hi * hi);
        }
        failed = solve(h, g, n_u);
    }
    for (int k = 0; k < n_u && !failed; k++) {
        float v = u0[k] - g[k];
        if (bad(v)) { failed = 1; break; }
        if (v < u_min) { v = u_min; *clamped = 1; }
        if (v > u_max) { v = u_max; *clamped = 1; }
        u_out[k] = v;
    }
    if (failed)
        for (int k = 0; k < n_u; k++) u_out[k] = u_prev[k];
    if (model->state_size <= RIG_NPC_MAX_STATE && model->input_size == n_u) {
        float next[RIG_NPC_MAX_STATE];
        model->step(npc->state, u_out, next);
        for (int i = 0; i < model->state_size; i++) npc->state[i] = next[i];
        for (int i = 0; i < n_y; i++) npc->prediction[i] = next[i];
    }
    return failed;
}

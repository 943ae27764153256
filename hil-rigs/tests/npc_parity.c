/* Parity harness of the on-device NPC path: an exported model (robotics model export-c) compiled exactly as the host
 * firmware build compiles it (make npc_parity NPC_MODEL=dir/<name>.c: the same flags, host/npc_model.c glue and
 * common/npc.c), evaluated through the firmware's rig_npc_model and rig_npc_step. The C# test
 * (tests/Robotics.Drivers.Rigs.Tests/OnDeviceModelParityTests.cs) compares every printed value with managed inference.
 *
 * usage: npc_parity tendon|hasel, then commands on stdin (whitespace separated, floats as %.9g text):
 *   step s[STATE_SIZE] u[INPUT_SIZE]          prints "next" and the model's next state
 *   npc K t[n_outputs] u_prev[n_inputs]        K Newton steps from a zero model state towards target t (no measurement,
 *                                              the model's own state carried), each printing
 *                                              "npc rc state_before[STATE_SIZE] u_out[n_inputs] prediction[n_outputs]"
 * Exit code 2 on bad usage or input. */
#include <stdio.h>
#include <string.h>

#include "npc.h"
#include "rig_fw.h"

#ifndef RIG_NPC_MODEL
#error "build with make npc_parity NPC_MODEL=path/to/<name>.c"
#endif

extern const rig_model_t rig_npc_model;
extern const rig_desc_t tendon_rig_desc, hasel_rig_desc;

static int read_floats(float *dst, int n)
{
    for (int i = 0; i < n; i++)
        if (scanf("%f", &dst[i]) != 1) return 0;
    return 1;
}

static void print_floats(const float *v, int n)
{
    for (int i = 0; i < n; i++) printf(" %.9g", (double)v[i]);
}

int main(int argc, char **argv)
{
    const rig_desc_t *d;
    const rig_model_t *m = &rig_npc_model;
    char word[16];
    if (argc != 2 || (strcmp(argv[1], "tendon") != 0 && strcmp(argv[1], "hasel") != 0)) {
        fprintf(stderr, "usage: npc_parity tendon|hasel < commands\n");
        return 2;
    }
    d = strcmp(argv[1], "tendon") == 0 ? &tendon_rig_desc : &hasel_rig_desc;
    if (m->input_size != d->n_inputs || m->state_size < d->n_outputs || m->state_size > RIG_NPC_MAX_STATE) {
        fprintf(stderr, "npc_parity: model state %d / input %d does not fit the %s rig (%d inputs, %d outputs)\n",
                m->state_size, m->input_size, argv[1], d->n_inputs, d->n_outputs);
        return 2;
    }
    while (scanf("%15s", word) == 1) {
        if (strcmp(word, "step") == 0) {
            float s[RIG_NPC_MAX_STATE], u[RIG_NPC_MAX_U], next[RIG_NPC_MAX_STATE];
            if (!read_floats(s, m->state_size) || !read_floats(u, m->input_size)) return 2;
            m->step(s, u, next);
            printf("next");
            print_floats(next, m->state_size);
            printf("\n");
        } else if (strcmp(word, "npc") == 0) {
            int steps, clamped;
            float target[RIG_NPC_MAX_Y], u[RIG_NPC_MAX_U], u_out[RIG_NPC_MAX_U], before[RIG_NPC_MAX_STATE];
            rig_npc_t npc;
            if (scanf("%d", &steps) != 1 || !read_floats(target, d->n_outputs) || !read_floats(u, d->n_inputs)) return 2;
            rig_npc_init(&npc, &d->npc);
            for (int k = 0; k < steps; k++) {
                int rc;
                memcpy(before, npc.state, sizeof before);
                rc = rig_npc_step(&npc, m, d->n_inputs, d->n_outputs, 0, target, u, d->u_min, d->u_max, u_out, &clamped);
                printf("npc %d", rc);
                print_floats(before, m->state_size);
                print_floats(u_out, d->n_inputs);
                print_floats(npc.prediction, d->n_outputs);
                printf("\n");
                for (int i = 0; i < d->n_inputs; i++) u[i] = u_out[i];
            }
        } else {
            fprintf(stderr, "npc_parity: unknown command '%s' (step | npc)\n", word);
            return 2;
        }
    }
    return 0;
}

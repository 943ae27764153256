/* A hand-written stand-in for an exported tendon model, in the exact shape `robotics model export-c` produces
 * (<name>_step, <NAME>_STATE_SIZE, <NAME>_INPUT_SIZE), used to test the on-device NPC path of the host build
 * (make rig_emu_npc NPC_MODEL=tests/tendon_standin.c) until a model trained on rig data exists. */
#ifndef TENDON_STANDIN_H
#define TENDON_STANDIN_H
#define TENDON_STANDIN_STATE_SIZE 5 /* tip x, y, z (m), then motor angles theta1, theta2 (rad) as latent state */
#define TENDON_STANDIN_INPUT_SIZE 2
#define TENDON_STANDIN_LATENT_SIZE 2
#define TENDON_STANDIN_DT_S 0.002f
void tendon_standin_step(const float state[TENDON_STANDIN_STATE_SIZE], const float input[TENDON_STANDIN_INPUT_SIZE],
                         float next_state[TENDON_STANDIN_STATE_SIZE]);
#endif

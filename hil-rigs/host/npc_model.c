/* Glue between an exported model (robotics model export-c: <name>.h/.c with <name>_step and <NAME>_STATE_SIZE) and the
 * on-device NPC. Compiled only with -DRIG_NPC_MODEL=<name> -DRIG_NPC_MODEL_UPPER=<NAME> -DRIG_NPC_MODEL_HEADER="<name>.h"
 * (the Makefile's NPC_MODEL=path/to/<name>.c does that). */
#ifdef RIG_NPC_MODEL
#include "npc.h"
#include RIG_NPC_MODEL_HEADER

#define RIG_PASTE_(a, b) a##b
#define RIG_PASTE(a, b) RIG_PASTE_(a, b)

const rig_model_t rig_npc_model = {
    RIG_PASTE(RIG_NPC_MODEL_UPPER, _STATE_SIZE),
    RIG_PASTE(RIG_NPC_MODEL_UPPER, _INPUT_SIZE),
    RIG_PASTE(RIG_NPC_MODEL, _step),
};
#else
typedef int rig_npc_model_unused; /* ISO C forbids an empty translation unit */
#endif

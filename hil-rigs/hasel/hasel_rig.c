/* HASEL tilting platform with magnetic (Hall) sensors (Teensy 3.6, Cortex-M4F): papers.md "Toward smart composites".
 * 6 drive levels u in [-0.5, 0.5] (voltage V = V_max (u + 0.5); safe -0.5 = 0 V) -> 3 outputs (roll rad, pitch rad,
 * heave m), 18 magnetic channels (6 sensors x Bx, By, Bz in mT). Shared by MCU and host. */
#include "rig_fw.h"

const rig_desc_t hasel_rig_desc = {
    RIG_TYPE_HASEL, 6, 3, 18,
    -0.5f, 0.5f, -0.5f,
    500, 500, 100,
    20261128u,
    /* NPC (nlsoft controller.hpp, tilting_v2): Q = 1e4 I3, Lambda = I6, s = 1e-20, eps = 5e-3 */
    { { 1e4f, 1e4f, 1e4f, 0, 0, 0, 0, 0 }, 1.0f, 1.0f, 5e-3f, 1e-20f },
};

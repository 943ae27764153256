/* Tendon-driven continuum rig with LightLace optical sensors (ESP32 WROVER): papers.md "Toward smart composites".
 * 2 motor angles (rad, [-1.75, 0.83]) -> 3 outputs (tip x, y, z in m), 11 optical channels. Shared by MCU and host. */
#include "rig_fw.h"

const rig_desc_t tendon_rig_desc = {
    RIG_TYPE_TENDON, 2, 3, 11,
    -1.75f, 0.83f, 0.0f,
    500, 500, 100,
    20261128u,
    /* NPC (nlsoft controller.hpp, master): Q = diag(1e-3, 1e3, 1e3), Lambda = I, s = 1e-20, eps = 5e-2. The paper's
     * lightly weighted first output is the axis along the backbone, which is z here, hence Q = diag(1e3, 1e3, 1e-3). */
    { { 1e3f, 1e3f, 1e-3f, 0, 0, 0, 0, 0 }, 1.0f, 1.0f, 5e-2f, 1e-20f },
};

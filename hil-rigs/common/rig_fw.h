/* Portable firmware core of the soft-actuator rigs: protocol handling, command watchdog and safe state, sensor sampling
 * and streaming, parameters, optional on-device Newton NPC. C99, no heap, no libc calls; talks to the board only through
 * hal.h. One rig_fw_t per rig; call rig_fw_rx for received bytes and rig_fw_tick at desc->loop_hz. */
#ifndef RIG_FW_H
#define RIG_FW_H

#include "proto.h"
#include "npc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Static description of a rig (tendon/tendon_rig.c, hasel/hasel_rig.c). */
typedef struct {
    uint8_t rig_type, n_inputs, n_outputs, n_channels;
    float u_min, u_max, safe_value;
    uint16_t loop_hz;          /* rig_fw_tick rate */
    uint16_t default_stream_hz;
    uint16_t default_watchdog_ms;
    uint32_t fw_build;
    rig_npc_config_t npc;      /* NPC weights and barrier of this rig (used only with a model) */
} rig_desc_t;

typedef struct {
    const rig_desc_t *desc;
    const rig_model_t *model;  /* on-device model for the NPC, or NULL */
    uint16_t capabilities;
    /* link */
    rig_decoder_t dec;
    uint8_t tx_seq;
    uint32_t rx_ok, tx_drop, cmd_gaps;
    /* state */
    uint8_t armed, fault_latched, safe, npc_active, clamped, have_cmd_seq;
    uint32_t hello_count;      /* valid HELLO_REQs with the right major since boot */
    uint32_t last_cmd_seq, sample_seq, npc_nan_count;
    uint64_t cmd_applied_us, last_feed_us, last_not_armed_us;
    float u[RIG_MAX_INPUTS];   /* applied actuator values */
    float channels[RIG_MAX_CHANNELS];
    float outputs[RIG_MAX_OUTPUTS];
    float target[RIG_MAX_OUTPUTS];
    rig_npc_t npc;
    /* parameters */
    float stream_hz, watchdog_ms, noise_scale, drift_scale;
    uint32_t tick_count, stream_div;
} rig_fw_t;

/* Boot: unarmed, actuators at the safe value (applied through the HAL), counters 0. model may be NULL. extra_caps adds
 * capability bits (RIG_CAP_EMULATED, RIG_CAP_FAULT_INJECTION) for the host build. */
void rig_fw_init(rig_fw_t *fw, const rig_desc_t *desc, const rig_model_t *model, uint16_t extra_caps);

/* Feed received bytes (any chunking). Complete frames are handled at once. */
void rig_fw_rx(rig_fw_t *fw, const uint8_t *data, size_t len);

/* One loop tick: watchdog, sensor read, NPC step (when active), and a SAMPLE every stream_div ticks. */
void rig_fw_tick(rig_fw_t *fw);

/* Current status byte (RIG_STATUS_*). */
uint8_t rig_fw_status(const rig_fw_t *fw);

/* Send a FAULT frame (also used by the core itself). */
void rig_fw_send_fault(rig_fw_t *fw, uint8_t code, uint32_t detail);

#ifdef __cplusplus
}
#endif
#endif /* RIG_FW_H */

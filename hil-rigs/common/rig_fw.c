/* Portable firmware core: see rig_fw.h and PROTOCOL.md section 4. C99, no heap, no libc calls. */
#include "rig_fw.h"
#include "hal.h"

#define NOT_ARMED_INTERVAL_US 100000u

static int bad(float x) { return x != x || x > 3.0e38f || x < -3.0e38f; }

static void send(rig_fw_t *fw, uint8_t type, const uint8_t *body, size_t len)
{
    uint8_t wire[RIG_MAX_WIRE];
    size_t n = rig_frame_build(type, fw->tx_seq, body, len, wire, sizeof wire);
    if (n == 0 || hal_link_write(wire, n) != 0) { fw->tx_drop++; return; }
    fw->tx_seq++;
}

void rig_fw_send_fault(rig_fw_t *fw, uint8_t code, uint32_t detail)
{
    uint8_t b[RIG_FAULT_SIZE];
    b[0] = code;
    rig_put_u32(b + 1, detail);
    rig_put_u64(b + 5, hal_now_us());
    send(fw, RIG_MSG_FAULT, b, sizeof b);
}

static void go_safe(rig_fw_t *fw)
{
    for (int i = 0; i < fw->desc->n_inputs; i++) fw->u[i] = fw->desc->safe_value;
    fw->safe = 1;
    fw->npc_active = 0;
    hal_actuators_apply(fw->u, fw->desc->n_inputs);
}

static void set_stream(rig_fw_t *fw, float hz)
{
    uint32_t div = (uint32_t)((float)fw->desc->loop_hz / hz + 0.5f);
    if (div < 1) div = 1;
    fw->stream_div = div;
    fw->stream_hz = (float)fw->desc->loop_hz / (float)div;
}

void rig_fw_init(rig_fw_t *fw, const rig_desc_t *desc, const rig_model_t *model, uint16_t extra_caps)
{
    uint8_t *p = (uint8_t *)fw;
    for (size_t i = 0; i < sizeof *fw; i++) p[i] = 0;
    fw->desc = desc;
    fw->model = model;
    fw->capabilities = (uint16_t)(RIG_CAP_PARAMS | RIG_CAP_HEARTBEAT | extra_caps | (model != 0 ? RIG_CAP_NPC : 0));
    rig_decoder_init(&fw->dec);
    fw->watchdog_ms = desc->default_watchdog_ms;
    fw->noise_scale = 1.0f;
    fw->drift_scale = 1.0f;
    set_stream(fw, desc->default_stream_hz);
    for (unsigned i = 0; i < RIG_MAX_OUTPUTS; i++) fw->outputs[i] = 0.0f / 0.0f; /* real rigs: NaN until the NPC estimates */
    rig_npc_init(&fw->npc, &desc->npc);
    go_safe(fw);
}

uint8_t rig_fw_status(const rig_fw_t *fw)
{
    uint8_t s = 0;
    if (fw->armed && !fw->fault_latched) s |= RIG_STATUS_ARMED;
    if (fw->fault_latched) s |= RIG_STATUS_FAULT;
    if (fw->safe) s |= RIG_STATUS_SAFE;
    if (fw->npc_active) s |= RIG_STATUS_NPC;
    if (fw->clamped) s |= RIG_STATUS_CLAMPED;
    if (fw->capabilities & RIG_CAP_EMULATED) s |= RIG_STATUS_EMULATED;
    return s;
}

static int check_len(rig_fw_t *fw, const rig_frame_t *f, size_t need)
{
    if (f->body_len >= need) return 1;
    rig_fw_send_fault(fw, RIG_FAULT_MALFORMED, ((uint32_t)f->type << 8) | (uint32_t)f->body_len);
    return 0;
}

static void not_armed(rig_fw_t *fw, uint32_t detail, uint64_t now)
{
    if (fw->last_not_armed_us != 0 && now - fw->last_not_armed_us < NOT_ARMED_INTERVAL_US) return;
    fw->last_not_armed_us = now;
    rig_fw_send_fault(fw, RIG_FAULT_NOT_ARMED, detail);
}

static void on_hello(rig_fw_t *fw, const rig_frame_t *f, uint64_t now)
{
    const rig_desc_t *d = fw->desc;
    uint8_t b[RIG_HELLO_RSP_SIZE];
    uint8_t major = f->body[4];
    rig_put_u32(b, rig_get_u32(f->body));
    b[4] = RIG_PROTO_MAJOR;
    b[5] = RIG_PROTO_MINOR;
    rig_put_u32(b + 6, d->fw_build);
    b[10] = d->rig_type;
    b[11] = d->n_inputs;
    b[12] = d->n_outputs;
    b[13] = d->n_channels;
    rig_put_u16(b + 14, (uint16_t)(fw->stream_hz + 0.5f));
    rig_put_u16(b + 16, (uint16_t)(fw->watchdog_ms + 0.5f));
    rig_put_u16(b + 18, fw->capabilities);
    rig_put_u64(b + 20, now);
    send(fw, RIG_MSG_HELLO_RSP, b, sizeof b);
    if (major != RIG_PROTO_MAJOR) {
        rig_fw_send_fault(fw, RIG_FAULT_VERSION, major);
        return;
    }
    fw->hello_count++;
    fw->armed = 1;
    fw->fault_latched = 0;
    fw->have_cmd_seq = 0;
    fw->last_feed_us = now;
}

static void on_cmd(rig_fw_t *fw, const rig_frame_t *f, uint64_t now)
{
    const rig_desc_t *d = fw->desc;
    uint32_t seq = rig_get_u32(f->body);
    fw->last_feed_us = now;
    if (fw->have_cmd_seq && seq != fw->last_cmd_seq + 1u && seq - fw->last_cmd_seq < 0x80000000u)
        fw->cmd_gaps += seq - fw->last_cmd_seq - 1u;
    if (!fw->armed || fw->fault_latched) { not_armed(fw, seq, now); return; }
    for (int i = 0; i < d->n_inputs; i++)
        if (bad(rig_get_f32(f->body + RIG_CMD_FIXED_SIZE + 4 * i))) { rig_fw_send_fault(fw, RIG_FAULT_BAD_VALUE, (uint32_t)i); return; }
    fw->clamped = 0;
    for (int i = 0; i < d->n_inputs; i++) {
        float v = rig_get_f32(f->body + RIG_CMD_FIXED_SIZE + 4 * i);
        if (v < d->u_min) { v = d->u_min; fw->clamped = 1; }
        if (v > d->u_max) { v = d->u_max; fw->clamped = 1; }
        fw->u[i] = v;
    }
    hal_actuators_apply(fw->u, d->n_inputs);
    fw->have_cmd_seq = 1;
    fw->last_cmd_seq = seq;
    fw->cmd_applied_us = hal_now_us();
    fw->safe = 0;
    fw->npc_active = 0;
}

static void on_setpoint(rig_fw_t *fw, const rig_frame_t *f, uint64_t now)
{
    const rig_desc_t *d = fw->desc;
    if (fw->model == 0) { rig_fw_send_fault(fw, RIG_FAULT_UNSUPPORTED, RIG_MSG_SETPOINT); return; }
    fw->last_feed_us = now;
    if (!fw->armed || fw->fault_latched) { not_armed(fw, 0, now); return; }
    for (int i = 0; i < d->n_outputs; i++)
        if (bad(rig_get_f32(f->body + 4 * i))) { rig_fw_send_fault(fw, RIG_FAULT_BAD_VALUE, (uint32_t)i); return; }
    for (int i = 0; i < d->n_outputs; i++) fw->target[i] = rig_get_f32(f->body + 4 * i);
    fw->npc_active = 1;
    fw->safe = 0;
}

static void on_heartbeat(rig_fw_t *fw, const rig_frame_t *f, uint64_t now)
{
    uint8_t b[RIG_HEARTBEAT_RSP_SIZE];
    fw->last_feed_us = now;
    rig_put_u64(b, rig_get_u64(f->body));
    rig_put_u64(b + 8, now);
    rig_put_u32(b + 16, fw->rx_ok);
    rig_put_u32(b + 20, fw->dec.crc_err);
    rig_put_u32(b + 24, fw->dec.cobs_err);
    rig_put_u32(b + 28, fw->cmd_gaps);
    rig_put_u32(b + 32, fw->tx_drop);
    send(fw, RIG_MSG_HEARTBEAT_RSP, b, sizeof b);
}

/* Returns the status and writes the value for a get (set == 0) or set (set == 1). */
static uint8_t param(rig_fw_t *fw, uint8_t id, int set, float v, float *out)
{
    const rig_desc_t *d = fw->desc;
    const float nan = 0.0f / 0.0f;
    int emu = (fw->capabilities & RIG_CAP_EMULATED) != 0, npc = fw->model != 0;
    float *rw = 0, lo = 0, hi = 0;
    *out = nan;
    switch (id) {
    case RIG_PARAM_STREAM_HZ: rw = &fw->stream_hz; lo = 1; hi = 1000; break;
    case RIG_PARAM_WATCHDOG_MS: rw = &fw->watchdog_ms; lo = 20; hi = 2000; break;
    case RIG_PARAM_NOISE_SCALE:
    case RIG_PARAM_DRIFT_SCALE:
        if (!emu) { *out = 1.0f; return set ? RIG_PARAM_READ_ONLY : RIG_PARAM_OK; }
        rw = id == RIG_PARAM_NOISE_SCALE ? &fw->noise_scale : &fw->drift_scale; lo = 0; hi = 10; break;
    case RIG_PARAM_NPC_Q: case RIG_PARAM_NPC_LAMBDA: case RIG_PARAM_NPC_EPS:
        if (!npc) return RIG_PARAM_UNSUPPORTED;
        if (id == RIG_PARAM_NPC_Q) { rw = &fw->npc.cfg.q_scale; lo = 0; hi = 1e9f; }
        else if (id == RIG_PARAM_NPC_LAMBDA) { rw = &fw->npc.cfg.lambda; lo = 0; hi = 1e9f; }
        else { rw = &fw->npc.cfg.eps; lo = 1e-6f; hi = 1.0f; }
        break;
    case RIG_PARAM_U_MIN: *out = d->u_min; return set ? RIG_PARAM_READ_ONLY : RIG_PARAM_OK;
    case RIG_PARAM_U_MAX: *out = d->u_max; return set ? RIG_PARAM_READ_ONLY : RIG_PARAM_OK;
    case RIG_PARAM_SAFE_VALUE: *out = d->safe_value; return set ? RIG_PARAM_READ_ONLY : RIG_PARAM_OK;
    case RIG_PARAM_LOOP_HZ: *out = (float)d->loop_hz; return set ? RIG_PARAM_READ_ONLY : RIG_PARAM_OK;
    default: return RIG_PARAM_UNKNOWN_ID;
    }
    *out = *rw;
    if (!set) return RIG_PARAM_OK;
    if (bad(v) || v < lo || v > hi) return RIG_PARAM_OUT_OF_RANGE;
    if (id == RIG_PARAM_STREAM_HZ) set_stream(fw, v);
    else *rw = v;
    *out = *rw;
    return RIG_PARAM_OK;
}

static void on_param(rig_fw_t *fw, const rig_frame_t *f, int set)
{
    uint8_t b[RIG_PARAM_VALUE_SIZE];
    float value;
    uint8_t id = f->body[0];
    uint8_t status = param(fw, id, set, set ? rig_get_f32(f->body + 1) : 0.0f, &value);
    b[0] = id;
    rig_put_f32(b + 1, value);
    b[5] = status;
    send(fw, RIG_MSG_PARAM_VALUE, b, sizeof b);
}

static void handle(rig_fw_t *fw, const rig_frame_t *f)
{
    const rig_desc_t *d = fw->desc;
    uint64_t now = hal_now_us();
    fw->rx_ok++;
    switch (f->type) {
    case RIG_MSG_HELLO_REQ: if (check_len(fw, f, RIG_HELLO_REQ_SIZE)) on_hello(fw, f, now); break;
    case RIG_MSG_CMD: if (check_len(fw, f, RIG_CMD_BODY_SIZE(d->n_inputs))) on_cmd(fw, f, now); break;
    case RIG_MSG_HEARTBEAT: if (check_len(fw, f, RIG_HEARTBEAT_SIZE)) on_heartbeat(fw, f, now); break;
    case RIG_MSG_PARAM_GET: if (check_len(fw, f, RIG_PARAM_GET_SIZE)) on_param(fw, f, 0); break;
    case RIG_MSG_PARAM_SET: if (check_len(fw, f, RIG_PARAM_SET_SIZE)) on_param(fw, f, 1); break;
    case RIG_MSG_SETPOINT: if (check_len(fw, f, RIG_SETPOINT_BODY_SIZE(d->n_outputs))) on_setpoint(fw, f, now); break;
    default: break; /* unknown or MCU->host types: ignored (counted in rx_ok) */
    }
}

void rig_fw_rx(rig_fw_t *fw, const uint8_t *data, size_t len)
{
    rig_frame_t f;
    for (size_t i = 0; i < len; i++)
        if (rig_decoder_push(&fw->dec, data[i], &f)) handle(fw, &f);
}

static void send_sample(rig_fw_t *fw, uint64_t t)
{
    const rig_desc_t *d = fw->desc;
    uint8_t b[RIG_MAX_BODY];
    size_t o = RIG_SAMPLE_FIXED_SIZE;
    rig_put_u32(b, fw->sample_seq++);
    rig_put_u64(b + 4, t);
    rig_put_u32(b + 12, fw->last_cmd_seq);
    rig_put_u64(b + 16, fw->cmd_applied_us);
    b[24] = rig_fw_status(fw);
    for (int i = 0; i < d->n_channels; i++, o += 4) rig_put_f32(b + o, fw->channels[i]);
    for (int i = 0; i < d->n_outputs; i++, o += 4) rig_put_f32(b + o, fw->outputs[i]);
    for (int i = 0; i < d->n_inputs; i++, o += 4) rig_put_f32(b + o, fw->u[i]);
    send(fw, RIG_MSG_SAMPLE, b, o);
}

void rig_fw_tick(rig_fw_t *fw)
{
    const rig_desc_t *d = fw->desc;
    uint64_t now = hal_now_us();
    if (fw->armed && !fw->fault_latched && now - fw->last_feed_us > (uint64_t)(fw->watchdog_ms * 1000.0f)) {
        go_safe(fw);
        fw->fault_latched = 1;
        rig_fw_send_fault(fw, RIG_FAULT_WATCHDOG, (uint32_t)((now - fw->last_feed_us) / 1000u));
    }
    int failed = hal_sensors_read(fw->channels, fw->outputs);
    uint64_t t_sample = hal_now_us();
    if (failed >= 0 && !fw->fault_latched) {
        go_safe(fw);
        fw->fault_latched = 1;
        rig_fw_send_fault(fw, RIG_FAULT_SENSOR, (uint32_t)failed);
    }
    if (fw->npc_active && fw->model != 0 && fw->armed && !fw->fault_latched) {
        float u[RIG_MAX_INPUTS];
        int clamped = 0;
        const float *y = (fw->capabilities & RIG_CAP_EMULATED) ? fw->outputs : 0;
        if (rig_npc_step(&fw->npc, fw->model, d->n_inputs, d->n_outputs, y, fw->target, fw->u, d->u_min, d->u_max, u, &clamped) != 0) {
            fw->npc_nan_count++;
            rig_fw_send_fault(fw, RIG_FAULT_NPC_NAN, fw->npc_nan_count);
        } else {
            for (int i = 0; i < d->n_inputs; i++) fw->u[i] = u[i];
            fw->clamped = (uint8_t)clamped;
            hal_actuators_apply(fw->u, d->n_inputs);
            fw->cmd_applied_us = hal_now_us();
        }
        if (!(fw->capabilities & RIG_CAP_EMULATED))
            for (int i = 0; i < d->n_outputs; i++) fw->outputs[i] = fw->npc.prediction[i];
    }
    fw->tick_count++;
    if (fw->hello_count > 0 && fw->tick_count % fw->stream_div == 0) send_sample(fw, t_sample);
}

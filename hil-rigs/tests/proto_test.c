/* Known-answer and behaviour tests of the portable core (proto.c, rig_fw.c, npc.c) over a fake HAL.
 * Expected values: CRC-16/CCITT-FALSE check value 0x29B1 (the catalogue's "123456789" check); COBS vectors from
 * Cheshire & Baker's examples (as listed on Wikipedia's COBS page); frame bytes computed independently in python
 * (hil-rigs/tests/frames.py); the NPC answer solved by hand in the comment of test_npc_linear.
 * Prints one "ok"/"not ok" line per check and "# passed P failed F"; exit status 1 when anything failed. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hal.h"
#include "rig_fw.h"

static int passed, failed;
#define CHECK(cond, name)                                                                 \
    do {                                                                                  \
        if (cond) { passed++; printf("ok - %s\n", name); }                                \
        else { failed++; printf("not ok - %s (%s:%d)\n", name, __FILE__, __LINE__); }    \
    } while (0)

/* ---- fake HAL ---- */
static uint64_t now_us = 1000000;
static float applied[RIG_MAX_INPUTS];
static int apply_calls;
static int sensor_fail = -1;
#define MAX_TX 512
static struct { uint8_t type; uint8_t body[RIG_MAX_BODY]; size_t len; } tx[MAX_TX];
static int n_tx;
static rig_decoder_t tx_dec;

uint64_t hal_now_us(void) { return now_us; }
int hal_link_write(const uint8_t *frame, size_t len)
{
    rig_frame_t f;
    for (size_t i = 0; i < len; i++)
        if (rig_decoder_push(&tx_dec, frame[i], &f) && n_tx < MAX_TX) {
            tx[n_tx].type = f.type;
            memcpy(tx[n_tx].body, f.body, f.body_len);
            tx[n_tx].len = f.body_len;
            n_tx++;
        }
    return 0;
}
void hal_actuators_apply(const float *u, int n) { for (int i = 0; i < n; i++) applied[i] = u[i]; apply_calls++; }
int hal_sensors_read(float *channels, float *outputs)
{
    for (int i = 0; i < 11; i++) channels[i] = 0.5f + 0.01f * (float)i;
    outputs[0] = 0.01f; outputs[1] = 0.02f; outputs[2] = 0.12f;
    return sensor_fail;
}

extern const rig_desc_t tendon_rig_desc;

static int find(uint8_t type) { for (int i = 0; i < n_tx; i++) if (tx[i].type == type) return i; return -1; }
static int count(uint8_t type) { int c = 0; for (int i = 0; i < n_tx; i++) c += tx[i].type == type; return c; }

static void send_to(rig_fw_t *fw, uint8_t type, const uint8_t *body, size_t len)
{
    uint8_t wire[RIG_MAX_WIRE];
    size_t n = rig_frame_build(type, 0, body, len, wire, sizeof wire);
    rig_fw_rx(fw, wire, n);
}
static void hello(rig_fw_t *fw, uint32_t nonce, uint8_t major)
{
    uint8_t b[6];
    rig_put_u32(b, nonce); b[4] = major; b[5] = 0;
    send_to(fw, RIG_MSG_HELLO_REQ, b, 6);
}
static void cmd(rig_fw_t *fw, uint32_t seq, float u0, float u1)
{
    uint8_t b[20];
    rig_put_u32(b, seq); rig_put_u64(b + 4, now_us); rig_put_f32(b + 12, u0); rig_put_f32(b + 16, u1);
    send_to(fw, RIG_MSG_CMD, b, 20);
}
static float param_rt(rig_fw_t *fw, int set, uint8_t id, float v, uint8_t *status)
{
    uint8_t b[5];
    b[0] = id; rig_put_f32(b + 1, v);
    n_tx = 0;
    send_to(fw, set ? RIG_MSG_PARAM_SET : RIG_MSG_PARAM_GET, b, set ? 5 : 1);
    int i = find(RIG_MSG_PARAM_VALUE);
    if (i < 0 || tx[i].len != 6 || tx[i].body[0] != id) { *status = 255; return -999.0f; }
    *status = tx[i].body[5];
    return rig_get_f32(tx[i].body + 1);
}

static void test_crc_cobs(void)
{
    CHECK(rig_crc16((const uint8_t *)"123456789", 9) == 0x29B1, "crc16 check value 0x29B1");
    CHECK(rig_crc16((const uint8_t *)"", 0) == 0xFFFF, "crc16 of nothing is the init value");
    static const struct { const char *in, *out; } v[] = {
        { "00", "0101" }, { "0000", "010101" }, { "001100", "01021101" }, { "11220033", "0311220233" },
        { "11223344", "0511223344" }, { "11000000", "0211010101" },
    };
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
        uint8_t in[8], exp[8], out[16], back[16];
        size_t n = strlen(v[k].in) / 2, m = strlen(v[k].out) / 2;
        for (size_t i = 0; i < n; i++) sscanf(v[k].in + 2 * i, "%2hhx", &in[i]);
        for (size_t i = 0; i < m; i++) sscanf(v[k].out + 2 * i, "%2hhx", &exp[i]);
        size_t e = rig_cobs_encode(in, n, out, sizeof out);
        char name[64];
        snprintf(name, sizeof name, "cobs %s -> %s", v[k].in, v[k].out);
        CHECK(e == m && memcmp(out, exp, m) == 0, name);
        snprintf(name, sizeof name, "cobs decode %s", v[k].out);
        CHECK(rig_cobs_decode(exp, m, back, sizeof back) == n && memcmp(back, in, n) == 0, name);
    }
    /* 254 non-zero bytes 01..FE -> FF 01..FE (one block, no trailing code); 255 bytes 01..FF -> FF 01..FE 02 FF;
     * 254 non-zero bytes then 00 -> FF <254> 01 01 */
    uint8_t in[255], out[260], back[260];
    for (int i = 0; i < 255; i++) in[i] = (uint8_t)(i + 1);
    size_t e = rig_cobs_encode(in, 254, out, sizeof out);
    CHECK(e == 255 && out[0] == 0xFF && out[1] == 0x01 && out[254] == 0xFE, "cobs 254 non-zero bytes -> FF + block");
    e = rig_cobs_encode(in, 255, out, sizeof out);
    CHECK(e == 257 && out[0] == 0xFF && out[255] == 0x02 && out[256] == 0xFF, "cobs 255 non-zero bytes -> FF block, 02 FF");
    CHECK(rig_cobs_decode(out, e, back, sizeof back) == 255 && memcmp(back, in, 255) == 0, "cobs 255 bytes round trip");
    in[254] = 0;
    e = rig_cobs_encode(in, 255, out, sizeof out);
    CHECK(e == 257 && out[0] == 0xFF && out[255] == 0x01 && out[256] == 0x01, "cobs 254 non-zero bytes + 00 -> FF block, 01 01");
    CHECK(rig_cobs_decode(out, e, back, sizeof back) == 255 && memcmp(back, in, 255) == 0, "cobs 254 + 00 round trip");
    uint8_t bad1[] = { 0x03, 0x11 }, bad2[] = { 0x02, 0x00 };
    CHECK(rig_cobs_decode(bad1, 2, back, sizeof back) == (size_t)-1, "cobs decode rejects a code past the end");
    CHECK(rig_cobs_decode(bad2, 2, back, sizeof back) == (size_t)-1, "cobs decode rejects an embedded zero");
}

static void test_frames(void)
{
    /* bytes from hil-rigs/tests/frames.py (python, independent of this code) */
    static const uint8_t hello_wire[] = { 0x03, 0x01, 0x01, 0x06, 0x78, 0x56, 0x34, 0x12, 0x01, 0x03, 0xC1, 0xDC, 0x00 };
    static const uint8_t cmd_wire[] = { 0x05, 0x01, 0x11, 0x03, 0x07, 0x01, 0x01, 0x04, 0x40, 0x42, 0x0F, 0x01, 0x01, 0x01,
                                        0x01, 0x01, 0x01, 0x01, 0x02, 0x3F, 0x01, 0x05, 0x80, 0xBF, 0xCF, 0xC1, 0x00 };
    static const uint8_t hb_wire[] = { 0x0E, 0x01, 0x12, 0xFF, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01, 0xAD, 0x86, 0x00 };
    uint8_t b[32], w[RIG_MAX_WIRE];
    rig_put_u32(b, 0x12345678); b[4] = 1; b[5] = 0;
    size_t n = rig_frame_build(RIG_MSG_HELLO_REQ, 0, b, 6, w, sizeof w);
    CHECK(n == sizeof hello_wire && memcmp(w, hello_wire, n) == 0, "HELLO_REQ frame bytes");
    rig_put_u32(b, 7); rig_put_u64(b + 4, 1000000); rig_put_f32(b + 12, 0.5f); rig_put_f32(b + 16, -1.0f);
    n = rig_frame_build(RIG_MSG_CMD, 3, b, 20, w, sizeof w);
    CHECK(n == sizeof cmd_wire && memcmp(w, cmd_wire, n) == 0, "CMD frame bytes");
    rig_put_u64(b, 0x0102030405060708ull);
    n = rig_frame_build(RIG_MSG_HEARTBEAT, 255, b, 8, w, sizeof w);
    CHECK(n == sizeof hb_wire && memcmp(w, hb_wire, n) == 0, "HEARTBEAT frame bytes");
    uint8_t big[RIG_MAX_BODY + 1] = { 0 };
    CHECK(rig_frame_build(RIG_MSG_SAMPLE, 0, big, RIG_MAX_BODY, w, sizeof w) > 0, "191-byte body fits in 200 wire bytes");
    CHECK(rig_frame_build(RIG_MSG_SAMPLE, 0, big, RIG_MAX_BODY + 1, w, sizeof w) == 0, "192-byte body refused");

    /* decoder: garbage, truncation, bad CRC, bit flip, oversize - counted, then resync */
    rig_decoder_t d;
    rig_frame_t f;
    int got = 0;
    rig_decoder_init(&d);
    static const uint8_t garbage[] = { 0x13, 0x77, 0x00, 0x42, 0x99, 0x00 };
    for (size_t i = 0; i < sizeof garbage; i++) got += rig_decoder_push(&d, garbage[i], &f);
    CHECK(got == 0 && d.cobs_err == 2, "garbage: two framing errors, no frame");
    for (size_t i = 0; i < 6; i++) got += rig_decoder_push(&d, cmd_wire[i], &f); /* truncated, no delimiter */
    for (size_t i = 0; i < sizeof hello_wire; i++) got += rig_decoder_push(&d, hello_wire[i], &f);
    CHECK(got == 0 && d.crc_err + d.cobs_err == 3, "truncated frame swallows the next one");
    for (size_t i = 0; i < sizeof hello_wire; i++) got += rig_decoder_push(&d, hello_wire[i], &f);
    CHECK(got == 1 && f.type == RIG_MSG_HELLO_REQ && f.body_len == 6 && rig_get_u32(f.body) == 0x12345678, "resync after errors");
    uint8_t flip[sizeof cmd_wire];
    memcpy(flip, cmd_wire, sizeof flip);
    flip[9] ^= 0x04;
    uint32_t crc0 = d.crc_err;
    for (size_t i = 0; i < sizeof flip; i++) got += rig_decoder_push(&d, flip[i], &f);
    CHECK(got == 1 && d.crc_err == crc0 + 1, "bit flip -> CRC error");
    uint32_t cobs0 = d.cobs_err;
    for (int i = 0; i < 300; i++) rig_decoder_push(&d, 0x01, &f);
    got += rig_decoder_push(&d, 0x00, &f);
    CHECK(got == 1 && d.cobs_err == cobs0 + 1, "oversize frame -> framing error");
    uint8_t v2[RIG_MAX_WIRE], raw[8] = { 2, RIG_MSG_HEARTBEAT, 0 };
    rig_put_u16(raw + 3, rig_crc16(raw, 3));
    size_t e = rig_cobs_encode(raw, 5, v2, sizeof v2);
    v2[e] = 0;
    cobs0 = d.cobs_err;
    for (size_t i = 0; i <= e; i++) got += rig_decoder_push(&d, v2[i], &f);
    CHECK(got == 1 && d.cobs_err == cobs0 + 1, "wrong version byte -> framing error");
}

static void test_firmware(void)
{
    rig_fw_t fw;
    uint8_t st;
    n_tx = 0;
    rig_decoder_init(&tx_dec);
    rig_fw_init(&fw, &tendon_rig_desc, 0, RIG_CAP_EMULATED);
    CHECK(applied[0] == 0.0f && applied[1] == 0.0f && !(rig_fw_status(&fw) & RIG_STATUS_ARMED), "boot: safe, unarmed");
    for (int i = 0; i < 10; i++) { now_us += 2000; rig_fw_tick(&fw); }
    CHECK(n_tx == 0, "boot: no samples before HELLO");
    cmd(&fw, 1, 0.1f, 0.1f);
    CHECK(count(RIG_MSG_FAULT) == 1 && tx[find(RIG_MSG_FAULT)].body[0] == RIG_FAULT_NOT_ARMED && applied[0] == 0.0f,
          "CMD before HELLO: NOT_ARMED, ignored");

    n_tx = 0;
    hello(&fw, 0xCAFE, 1);
    int h = find(RIG_MSG_HELLO_RSP);
    CHECK(h >= 0 && tx[h].len == RIG_HELLO_RSP_SIZE && rig_get_u32(tx[h].body) == 0xCAFE && tx[h].body[4] == 1
              && tx[h].body[10] == RIG_TYPE_TENDON && tx[h].body[11] == 2 && tx[h].body[12] == 3 && tx[h].body[13] == 11
              && rig_get_u16(tx[h].body + 14) == 500 && rig_get_u16(tx[h].body + 16) == 100
              && (rig_get_u16(tx[h].body + 18) & (RIG_CAP_EMULATED | RIG_CAP_PARAMS | RIG_CAP_HEARTBEAT)) == 0x000D
              && rig_get_u64(tx[h].body + 20) == now_us,
          "HELLO_RSP fields");
    CHECK(rig_fw_status(&fw) & RIG_STATUS_ARMED, "armed after HELLO");

    n_tx = 0;
    cmd(&fw, 10, 0.5f, -3.0f);
    CHECK(applied[0] == 0.5f && applied[1] == -1.75f, "CMD applied and clamped to [-1.75, 0.83]");
    now_us += 2000;
    rig_fw_tick(&fw);
    int s = find(RIG_MSG_SAMPLE);
    CHECK(s >= 0 && tx[s].len == 89, "tendon SAMPLE body is 89 bytes");
    CHECK(s >= 0 && rig_get_u32(tx[s].body + 12) == 10 && rig_get_u64(tx[s].body + 16) == now_us - 2000
              && (tx[s].body[24] & (RIG_STATUS_ARMED | RIG_STATUS_CLAMPED | RIG_STATUS_EMULATED)) == 0x31,
          "SAMPLE echoes cmd_seq, applied time, status ARMED|CLAMPED|EMULATED");
    CHECK(s >= 0 && rig_get_f32(tx[s].body + 25) == 0.5f && rig_get_f32(tx[s].body + 25 + 44 + 8) == 0.12f
              && rig_get_f32(tx[s].body + 25 + 56) == 0.5f && rig_get_f32(tx[s].body + 25 + 60) == -1.75f,
          "SAMPLE channels, outputs, actuators at their offsets");
    cmd(&fw, 14, 0.2f, 0.2f);
    CHECK(fw.cmd_gaps == 3, "cmd_seq 10 -> 14 counts 3 gaps");
    uint8_t nanb[20];
    rig_put_u32(nanb, 15); rig_put_u64(nanb + 4, 0); rig_put_f32(nanb + 12, 0.1f); rig_put_f32(nanb + 16, 0.0f / 0.0f);
    n_tx = 0;
    send_to(&fw, RIG_MSG_CMD, nanb, 20);
    CHECK(find(RIG_MSG_FAULT) >= 0 && tx[find(RIG_MSG_FAULT)].body[0] == RIG_FAULT_BAD_VALUE
              && rig_get_u32(tx[find(RIG_MSG_FAULT)].body + 1) == 1 && applied[0] == 0.2f,
          "NaN command rejected with BAD_VALUE(index 1)");
    n_tx = 0;
    send_to(&fw, RIG_MSG_CMD, nanb, 10);
    CHECK(find(RIG_MSG_FAULT) >= 0 && tx[find(RIG_MSG_FAULT)].body[0] == RIG_FAULT_MALFORMED
              && rig_get_u32(tx[find(RIG_MSG_FAULT)].body + 1) == (0x11u << 8 | 10u),
          "short CMD -> MALFORMED(type << 8 | len)");

    /* heartbeat */
    n_tx = 0;
    uint8_t hb[8];
    rig_put_u64(hb, 0x1122334455667788ull);
    send_to(&fw, RIG_MSG_HEARTBEAT, hb, 8);
    h = find(RIG_MSG_HEARTBEAT_RSP);
    CHECK(h >= 0 && tx[h].len == 36 && rig_get_u64(tx[h].body) == 0x1122334455667788ull && rig_get_u64(tx[h].body + 8) == now_us
              && rig_get_u32(tx[h].body + 16) == fw.rx_ok && rig_get_u32(tx[h].body + 28) == 3,
          "HEARTBEAT_RSP echoes time and counters");

    /* watchdog: fed at t, trips once more than 100 ms later */
    uint64_t fed = now_us;
    n_tx = 0;
    while (now_us + 2000 - fed <= 100000) { now_us += 2000; rig_fw_tick(&fw); }
    CHECK(count(RIG_MSG_FAULT) == 0 && now_us - fed == 100000, "no watchdog fault at exactly 100 ms");
    now_us += 2000;
    rig_fw_tick(&fw);
    int fi = find(RIG_MSG_FAULT);
    CHECK(fi >= 0 && tx[fi].body[0] == RIG_FAULT_WATCHDOG && applied[0] == 0.0f && applied[1] == 0.0f,
          "watchdog: FAULT WATCHDOG and safe state after 100 ms");
    CHECK((rig_fw_status(&fw) & (RIG_STATUS_FAULT | RIG_STATUS_SAFE | RIG_STATUS_ARMED)) == (RIG_STATUS_FAULT | RIG_STATUS_SAFE),
          "watchdog latches FAULT|SAFE, not ARMED");
    for (int i = 0; i < 100; i++) { now_us += 2000; rig_fw_tick(&fw); }
    CHECK(count(RIG_MSG_FAULT) == 1 && count(RIG_MSG_SAMPLE) > 90, "watchdog fault sent once; samples keep streaming");
    cmd(&fw, 16, 0.3f, 0.3f);
    CHECK(applied[0] == 0.0f, "CMD while latched is ignored");
    hello(&fw, 2, 1);
    CHECK((rig_fw_status(&fw) & (RIG_STATUS_ARMED | RIG_STATUS_FAULT)) == RIG_STATUS_ARMED && applied[0] == 0.0f,
          "HELLO re-arms; actuators stay safe until a CMD");
    uint32_t gaps = fw.cmd_gaps;
    cmd(&fw, 100, 0.3f, 0.3f);
    CHECK(applied[0] == 0.3f && fw.cmd_gaps == gaps, "after HELLO a new cmd_seq starts without a gap");

    /* parameters */
    float v = param_rt(&fw, 0, RIG_PARAM_WATCHDOG_MS, 0, &st);
    CHECK(st == RIG_PARAM_OK && v == 100.0f, "get watchdog_ms = 100");
    v = param_rt(&fw, 1, RIG_PARAM_WATCHDOG_MS, 250.0f, &st);
    CHECK(st == RIG_PARAM_OK && v == 250.0f && fw.watchdog_ms == 250.0f, "set watchdog_ms = 250");
    v = param_rt(&fw, 1, RIG_PARAM_WATCHDOG_MS, 5.0f, &st);
    CHECK(st == RIG_PARAM_OUT_OF_RANGE && v == 250.0f, "watchdog_ms 5 out of range, unchanged");
    v = param_rt(&fw, 1, RIG_PARAM_STREAM_HZ, 100.0f, &st);
    CHECK(st == RIG_PARAM_OK && v == 100.0f && fw.stream_div == 5, "stream_hz 100 = every 5th 500 Hz tick");
    v = param_rt(&fw, 1, RIG_PARAM_STREAM_HZ, 300.0f, &st);
    CHECK(st == RIG_PARAM_OK && v == 250.0f, "stream_hz 300 rounds to 500/2 = 250");
    v = param_rt(&fw, 1, RIG_PARAM_U_MIN, 0.0f, &st);
    CHECK(st == RIG_PARAM_READ_ONLY && v == -1.75f, "u_min is read-only (-1.75)");
    v = param_rt(&fw, 0, RIG_PARAM_SAFE_VALUE, 0, &st);
    CHECK(st == RIG_PARAM_OK && v == 0.0f, "safe_value 0 for the tendon rig");
    v = param_rt(&fw, 0, 0x77, 0, &st);
    CHECK(st == RIG_PARAM_UNKNOWN_ID && v != v, "unknown id -> UNKNOWN_ID, NaN");
    v = param_rt(&fw, 1, RIG_PARAM_NPC_Q, 2.0f, &st);
    CHECK(st == RIG_PARAM_UNSUPPORTED, "NPC parameter without a model -> UNSUPPORTED");
    n_tx = 0;
    float tgt[3] = { 0, 0, 0.1f };
    uint8_t sp[12];
    for (int i = 0; i < 3; i++) rig_put_f32(sp + 4 * i, tgt[i]);
    send_to(&fw, RIG_MSG_SETPOINT, sp, 12);
    CHECK(find(RIG_MSG_FAULT) >= 0 && tx[find(RIG_MSG_FAULT)].body[0] == RIG_FAULT_UNSUPPORTED, "SETPOINT without NPC -> UNSUPPORTED");

    /* version mismatch */
    rig_fw_init(&fw, &tendon_rig_desc, 0, 0);
    n_tx = 0;
    hello(&fw, 9, 2);
    CHECK(find(RIG_MSG_HELLO_RSP) >= 0 && find(RIG_MSG_FAULT) >= 0 && tx[find(RIG_MSG_FAULT)].body[0] == RIG_FAULT_VERSION
              && rig_get_u32(tx[find(RIG_MSG_FAULT)].body + 1) == 2 && !(rig_fw_status(&fw) & RIG_STATUS_ARMED),
          "HELLO major 2 -> HELLO_RSP + FAULT VERSION, not armed");
    v = param_rt(&fw, 1, RIG_PARAM_NOISE_SCALE, 2.0f, &st);
    CHECK(st == RIG_PARAM_READ_ONLY && v == 1.0f, "noise_scale read-only on a real rig");

    /* sensor failure latches */
    hello(&fw, 10, 1);
    n_tx = 0;
    sensor_fail = 4;
    now_us += 2000;
    rig_fw_tick(&fw);
    sensor_fail = -1;
    CHECK(find(RIG_MSG_FAULT) >= 0 && tx[find(RIG_MSG_FAULT)].body[0] == RIG_FAULT_SENSOR
              && rig_get_u32(tx[find(RIG_MSG_FAULT)].body + 1) == 4 && (rig_fw_status(&fw) & RIG_STATUS_FAULT),
          "sensor failure -> FAULT SENSOR(4), latched");
}

/* y' = y + B u, B = [[1, 0.5], [0, 2]] */
static void lin_step(const float *x, const float *u, float *nx)
{
    nx[0] = x[0] + u[0] + 0.5f * u[1];
    nx[1] = x[1] + 2.0f * u[1];
}

static void test_npc_linear(void)
{
    /* J = |r - y - B u|^2 + 0.5 |u - 0|^2, r = (1, 1), y = 0, no barrier. Minimiser: (B'B + 0.5 I) u = B' r,
     * B'B + 0.5 I = [[1.5, 0.5], [0.5, 4.75]], B' r = (1, 2.5), det = 6.875:
     * u = ((4.75 - 1.25) / 6.875, (3.75 - 0.5) / 6.875) = (0.5090909, 0.4727273). J is quadratic, so one Newton step
     * (with exact central differences) lands on it. */
    rig_model_t m = { 2, 2, lin_step };
    rig_npc_config_t c = { { 1, 1, 0, 0, 0, 0, 0, 0 }, 1.0f, 0.5f, 1e-2f, 0.0f };
    rig_npc_t npc;
    rig_npc_init(&npc, &c);
    float y[2] = { 0, 0 }, r[2] = { 1, 1 }, up[2] = { 0, 0 }, u[2];
    int cl;
    int rc = rig_npc_step(&npc, &m, 2, 2, y, r, up, -10, 10, u, &cl);
    CHECK(rc == 0 && fabsf(u[0] - 0.5090909f) < 1e-4f && fabsf(u[1] - 0.4727273f) < 1e-4f, "NPC one Newton step = closed-form minimiser");
    CHECK(fabsf(npc.prediction[0] - (u[0] + 0.5f * u[1])) < 1e-6f && fabsf(npc.prediction[1] - 2.0f * u[1]) < 1e-6f,
          "NPC advances the model with the applied input");
    rc = rig_npc_step(&npc, &m, 2, 2, y, r, up, -0.2f, 0.2f, u, &cl);
    CHECK(rc == 0 && cl == 1 && u[0] <= 0.2f && u[1] <= 0.2f, "NPC output clipped to the range");
    r[0] = 0.0f / 0.0f;
    up[0] = 0.1f; up[1] = -0.1f;
    rc = rig_npc_step(&npc, &m, 2, 2, y, r, up, -10, 10, u, &cl);
    CHECK(rc == 1 && u[0] == 0.1f && u[1] == -0.1f, "NaN -> previous input kept");
}

int main(void)
{
    test_crc_cobs();
    test_frames();
    test_firmware();
    test_npc_linear();
    printf("# passed %d failed %d\n", passed, failed);
    return failed ? 1 : 0;
}

/* Robotics HIL rig protocol, version 1.0 - the source of truth for the wire format.
 * hil-rigs/PROTOCOL.md describes every byte; the C# side (drivers/Robotics.Drivers/Serial) mirrors this file.
 *
 * Frame on the wire:  COBS( version | type | link_seq | body | crc16_le ) 0x00
 *   version  u8   RIG_PROTO_VERSION (1) - the framing version; the HELLO handshake negotiates major/minor
 *   type     u8   RIG_MSG_*
 *   link_seq u8   per-direction frame counter, +1 for every frame sent, wraps at 255 (informational)
 *   body          type-specific, little-endian, packed (no padding), f32 = IEEE-754 binary32
 *   crc16    u16  CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, xorout 0) over version..body,
 *                 stored little-endian. Known answer: crc("123456789") = 0x29B1.
 * At most RIG_MAX_WIRE (200) bytes per frame including COBS overhead and the 0x00 delimiter, i.e. at most
 * RIG_MAX_RAW (196) bytes before COBS and at most RIG_MAX_BODY (191) body bytes.
 *
 * C99, no libc headers needed: only <stdint.h>/<stddef.h>-style types (provided by the compiler).
 */
#ifndef RIG_PROTO_H
#define RIG_PROTO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- versions ---------------------------------------------------------------------------------------------- */
#define RIG_PROTO_VERSION 1u /* first byte of every frame */
#define RIG_PROTO_MAJOR 1u   /* HELLO: a different major is refused (FAULT VERSION) */
#define RIG_PROTO_MINOR 0u   /* HELLO: minors only append fields at the end of a body */

/* ---- sizes ------------------------------------------------------------------------------------------------- */
#define RIG_MAX_WIRE 200u /* encoded frame incl. COBS overhead and the 0x00 delimiter */
#define RIG_MAX_RAW 196u  /* version..crc before COBS */
#define RIG_HEADER_SIZE 3u
#define RIG_CRC_SIZE 2u
#define RIG_MAX_BODY (RIG_MAX_RAW - RIG_HEADER_SIZE - RIG_CRC_SIZE) /* 191 */
#define RIG_MAX_CHANNELS 32u
#define RIG_MAX_INPUTS 8u
#define RIG_MAX_OUTPUTS 8u

/* ---- message types ----------------------------------------------------------------------------------------- */
enum rig_msg_type {
    RIG_MSG_HELLO_REQ = 0x01,     /* host -> MCU: nonce u32, major u8, minor u8                               (6 B) */
    RIG_MSG_HELLO_RSP = 0x02,     /* MCU -> host: see rig_hello_rsp_t                                          (28 B) */
    RIG_MSG_SAMPLE = 0x10,        /* MCU -> host: see RIG_SAMPLE_BODY_SIZE                                     */
    RIG_MSG_CMD = 0x11,           /* host -> MCU: cmd_seq u32, host_us u64, actuators f32[n_inputs]            */
    RIG_MSG_HEARTBEAT = 0x12,     /* host -> MCU: host_us u64                                                  (8 B) */
    RIG_MSG_HEARTBEAT_RSP = 0x13, /* MCU -> host: echo host_us u64, mcu_us u64, rx_ok, crc_err, cobs_err,
                                                  cmd_gaps, tx_drop (u32 each)                                 (36 B) */
    RIG_MSG_FAULT = 0x14,         /* MCU -> host: code u8, detail u32, mcu_us u64                              (13 B) */
    RIG_MSG_PARAM_GET = 0x20,     /* host -> MCU: id u8                                                        (1 B) */
    RIG_MSG_PARAM_SET = 0x21,     /* host -> MCU: id u8, value f32                                             (5 B) */
    RIG_MSG_SETPOINT = 0x22,      /* host -> MCU: target f32[n_outputs] (on-device NPC)                        */
    RIG_MSG_PARAM_VALUE = 0x23    /* MCU -> host: id u8, value f32, status u8 (answer to GET and SET)          (6 B) */
};

#define RIG_HELLO_REQ_SIZE 6u
#define RIG_HELLO_RSP_SIZE 28u
#define RIG_HEARTBEAT_SIZE 8u
#define RIG_HEARTBEAT_RSP_SIZE 36u
#define RIG_FAULT_SIZE 13u
#define RIG_PARAM_GET_SIZE 1u
#define RIG_PARAM_SET_SIZE 5u
#define RIG_PARAM_VALUE_SIZE 6u
#define RIG_SAMPLE_FIXED_SIZE 25u /* sample_seq u32, mcu_us u64, last_cmd_seq u32, cmd_applied_us u64, status u8 */
#define RIG_SAMPLE_BODY_SIZE(n_channels, n_outputs, n_inputs) \
    (RIG_SAMPLE_FIXED_SIZE + 4u * ((n_channels) + (n_outputs) + (n_inputs)))
#define RIG_CMD_FIXED_SIZE 12u /* cmd_seq u32, host_us u64 */
#define RIG_CMD_BODY_SIZE(n_inputs) (RIG_CMD_FIXED_SIZE + 4u * (n_inputs))
#define RIG_SETPOINT_BODY_SIZE(n_outputs) (4u * (n_outputs))

/* ---- rig types (HELLO_RSP.rig_type) ------------------------------------------------------------------------ */
enum rig_type {
    RIG_TYPE_TENDON = 1, /* 2 motor angles (rad) -> 3 tip position (m), 11 LightLace optical channels, ESP32 */
    RIG_TYPE_HASEL = 2   /* 6 HASEL drive levels (normalised voltage) -> platform tilt, 18 magnetic channels, Teensy 3.6 */
};

/* ---- capability bits (HELLO_RSP.capabilities) -------------------------------------------------------------- */
#define RIG_CAP_PARAMS 0x0001u    /* PARAM_GET/PARAM_SET answered */
#define RIG_CAP_NPC 0x0002u       /* SETPOINT runs the on-device Newton NPC over an exported model */
#define RIG_CAP_EMULATED 0x0004u  /* host build: SAMPLE.outputs carry the simulated ground truth */
#define RIG_CAP_HEARTBEAT 0x0008u /* HEARTBEAT answered with HEARTBEAT_RSP (always set in 1.0) */
#define RIG_CAP_FAULT_INJECTION 0x0010u /* host build started with --faults */

/* ---- SAMPLE.status bits ------------------------------------------------------------------------------------ */
#define RIG_STATUS_ARMED 0x01u       /* HELLO received, no latched fault: commands are applied */
#define RIG_STATUS_FAULT 0x02u       /* a fault is latched (cleared only by HELLO_REQ) */
#define RIG_STATUS_SAFE 0x04u        /* actuators are held at the safe state */
#define RIG_STATUS_NPC 0x08u         /* the on-device NPC drives the actuators (last host frame was SETPOINT) */
#define RIG_STATUS_CLAMPED 0x10u     /* the last command or NPC output was clamped to the actuator range */
#define RIG_STATUS_EMULATED 0x20u    /* outputs are simulated ground truth */

/* ---- FAULT codes ------------------------------------------------------------------------------------------- */
enum rig_fault_code {
    RIG_FAULT_WATCHDOG = 0x01,    /* no CMD/SETPOINT/HEARTBEAT for watchdog_ms; detail = ms since the last one. LATCHED */
    RIG_FAULT_VERSION = 0x02,     /* HELLO_REQ major != RIG_PROTO_MAJOR; detail = the host's major. Not armed */
    RIG_FAULT_MALFORMED = 0x03,   /* known type with a body too short; detail = type << 8 | body length */
    RIG_FAULT_NOT_ARMED = 0x04,   /* CMD/SETPOINT ignored: no HELLO yet or fault latched; detail = cmd_seq (0 for SETPOINT)
                                     (sent at most every 100 ms) */
    RIG_FAULT_BAD_VALUE = 0x05,   /* CMD/SETPOINT with NaN or infinity: ignored; detail = index of the first bad value */
    RIG_FAULT_UNSUPPORTED = 0x06, /* SETPOINT without RIG_CAP_NPC; detail = type */
    RIG_FAULT_NPC_NAN = 0x07,     /* the NPC step produced NaN: actuators kept at the previous value; detail = count */
    RIG_FAULT_SENSOR = 0x08       /* a sensor read failed; detail = channel index. LATCHED */
};

/* ---- parameters (PARAM_GET/PARAM_SET ids) ------------------------------------------------------------------ */
enum rig_param_id {
    RIG_PARAM_STREAM_HZ = 0x01,   /* rw  sample stream rate, Hz, 1..1000 (host default 500) */
    RIG_PARAM_WATCHDOG_MS = 0x02, /* rw  command watchdog, ms, 20..2000 (default 100) */
    RIG_PARAM_NOISE_SCALE = 0x03, /* rw  sensor noise multiplier, 0..10 (1 = nominal; emulator only, real rigs: ro 1) */
    RIG_PARAM_DRIFT_SCALE = 0x04, /* rw  sensor drift multiplier, 0..10 (emulator only) */
    RIG_PARAM_NPC_Q = 0x10,       /* rw  NPC tracking weight scale (multiplies the rig's Q), 0..1e9 */
    RIG_PARAM_NPC_LAMBDA = 0x11,  /* rw  NPC input-rate weight (Lambda = value * I), 0..1e9 */
    RIG_PARAM_NPC_EPS = 0x12,     /* rw  NPC finite-difference step, 1e-6..1 */
    RIG_PARAM_U_MIN = 0x20,       /* ro  lower actuator limit (tendon -1.75 rad, HASEL -0.5) */
    RIG_PARAM_U_MAX = 0x21,       /* ro  upper actuator limit (tendon 0.83 rad, HASEL 0.5) */
    RIG_PARAM_SAFE_VALUE = 0x22,  /* ro  actuator value of the safe state (tendon 0 rad, HASEL -0.5 = 0 V) */
    RIG_PARAM_LOOP_HZ = 0x23      /* ro  firmware physics/control loop rate, Hz (host build 500) */
};

enum rig_param_status {
    RIG_PARAM_OK = 0,
    RIG_PARAM_UNKNOWN_ID = 1,   /* value = NaN */
    RIG_PARAM_READ_ONLY = 2,    /* value = the unchanged current value */
    RIG_PARAM_OUT_OF_RANGE = 3, /* value = the unchanged current value */
    RIG_PARAM_UNSUPPORTED = 4   /* value = NaN (e.g. NPC parameter without RIG_CAP_NPC) */
};

/* ---- decoded bodies ---------------------------------------------------------------------------------------- */
typedef struct {
    uint32_t nonce;
    uint8_t major, minor;
} rig_hello_req_t;

typedef struct {
    uint32_t nonce; /* echoes the request */
    uint8_t major, minor;
    uint32_t fw_build;
    uint8_t rig_type, n_inputs, n_outputs, n_channels;
    uint16_t stream_hz, watchdog_ms, capabilities;
    uint64_t mcu_us;
} rig_hello_rsp_t;

typedef struct {
    uint64_t echo_host_us, mcu_us;
    uint32_t rx_ok, crc_err, cobs_err, cmd_gaps, tx_drop;
} rig_heartbeat_rsp_t;

typedef struct {
    uint8_t code;
    uint32_t detail;
    uint64_t mcu_us;
} rig_fault_t;

/* ---- link-layer primitives (proto.c) ----------------------------------------------------------------------- */

/* CRC-16/CCITT-FALSE over len bytes. */
uint16_t rig_crc16(const uint8_t *data, size_t len);

/* COBS-encode len bytes (len <= 254 * k, no 0x00 in the output). Returns the encoded length (without the
 * delimiter) or 0 if out_cap is too small. out_cap >= len + len/254 + 1 always suffices. */
size_t rig_cobs_encode(const uint8_t *in, size_t len, uint8_t *out, size_t out_cap);

/* COBS-decode len bytes (without the delimiter). Returns the decoded length, or (size_t)-1 on a 0x00 inside the
 * input, a code byte running past the end, or an output overflow. */
size_t rig_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t out_cap);

/* Build a complete wire frame (COBS + trailing 0x00) into out (cap >= RIG_MAX_WIRE). Returns its length, or 0
 * when the body is longer than RIG_MAX_BODY. */
size_t rig_frame_build(uint8_t type, uint8_t link_seq, const uint8_t *body, size_t body_len, uint8_t *out, size_t out_cap);

/* Streaming decoder: feed bytes one at a time; a complete, CRC-valid frame is reported once. */
typedef struct {
    uint8_t buf[RIG_MAX_WIRE];
    uint8_t raw[RIG_MAX_RAW];
    size_t len;
    uint8_t overflow;
    uint32_t ok, crc_err, cobs_err; /* cobs_err counts bad COBS, oversize and too-short frames */
} rig_decoder_t;

typedef struct {
    uint8_t version, type, link_seq;
    const uint8_t *body; /* points into the decoder's raw buffer; valid until the next rig_decoder_push */
    size_t body_len;
} rig_frame_t;

void rig_decoder_init(rig_decoder_t *d);

/* Returns 1 and fills *f when byte completes a valid frame, 0 otherwise (errors are counted). An empty frame
 * (two delimiters in a row) is ignored silently. A frame whose version byte is not RIG_PROTO_VERSION is counted
 * in cobs_err. */
int rig_decoder_push(rig_decoder_t *d, uint8_t byte, rig_frame_t *f);

/* Little-endian field helpers (unaligned-safe). */
void rig_put_u16(uint8_t *p, uint16_t v);
void rig_put_u32(uint8_t *p, uint32_t v);
void rig_put_u64(uint8_t *p, uint64_t v);
void rig_put_f32(uint8_t *p, float v);
uint16_t rig_get_u16(const uint8_t *p);
uint32_t rig_get_u32(const uint8_t *p);
uint64_t rig_get_u64(const uint8_t *p);
float rig_get_f32(const uint8_t *p);

#ifdef __cplusplus
}
#endif
#endif /* RIG_PROTO_H */

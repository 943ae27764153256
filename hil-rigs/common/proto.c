/* Link layer of the rig protocol: CRC-16/CCITT-FALSE, COBS, frame building and a streaming decoder.
 * C99, no libc calls, no heap. See proto.h and hil-rigs/PROTOCOL.md. */
#include "proto.h"

uint16_t rig_crc16(const uint8_t *data, size_t len)
{
    uint16_t crc = 0xFFFFu;
    for (size_t i = 0; i < len; i++) {
        crc ^= (uint16_t)((uint16_t)data[i] << 8);
        for (int b = 0; b < 8; b++)
            crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
    }
    return crc;
}

size_t rig_cobs_encode(const uint8_t *in, size_t len, uint8_t *out, size_t out_cap)
{
    size_t code_at = 0, o = 1;
    uint8_t code = 1;
    if (out_cap < 1) return 0;
    for (size_t i = 0; i < len; i++) {
        if (in[i] == 0) {
            out[code_at] = code;
            code = 1;
            code_at = o++;
            if (o > out_cap) return 0;
        } else {
            if (o >= out_cap) return 0;
            out[o++] = in[i];
            if (++code == 0xFF) {
                out[code_at] = code;
                code = 1;
                if (i + 1 == len) return o; /* a full block ends the input: no trailing code byte */
                code_at = o++;
                if (o > out_cap) return 0;
            }
        }
    }
    out[code_at] = code;
    return o;
}

size_t rig_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t out_cap)
{
    size_t i = 0, o = 0;
    while (i < len) {
        uint8_t code = in[i++];
        if (code == 0) return (size_t)-1;
        for (uint8_t k = 1; k < code; k++) {
            if (i >= len || in[i] == 0 || o >= out_cap) return (size_t)-1;
            out[o++] = in[i++];
        }
        if (code != 0xFF && i < len) {
            if (o >= out_cap) return (size_t)-1;
            out[o++] = 0;
        }
    }
    return o;
}

size_t rig_frame_build(uint8_t type, uint8_t link_seq, const uint8_t *body, size_t body_len, uint8_t *out, size_t out_cap)
{
    uint8_t raw[RIG_MAX_RAW];
    if (body_len > RIG_MAX_BODY || out_cap < 2) return 0;
    raw[0] = RIG_PROTO_VERSION;
    raw[1] = type;
    raw[2] = link_seq;
    for (size_t i = 0; i < body_len; i++) raw[RIG_HEADER_SIZE + i] = body[i];
    size_t n = RIG_HEADER_SIZE + body_len;
    rig_put_u16(raw + n, rig_crc16(raw, n));
    n += RIG_CRC_SIZE;
    size_t e = rig_cobs_encode(raw, n, out, out_cap - 1);
    if (e == 0) return 0;
    out[e] = 0;
    return e + 1;
}

void rig_decoder_init(rig_decoder_t *d)
{
    d->len = 0;
    d->overflow = 0;
    d->ok = d->crc_err = d->cobs_err = 0;
}

int rig_decoder_push(rig_decoder_t *d, uint8_t byte, rig_frame_t *f)
{
    if (byte != 0) {
        if (d->len < sizeof d->buf) d->buf[d->len++] = byte;
        else d->overflow = 1;
        return 0;
    }
    size_t len = d->len;
    uint8_t overflow = d->overflow;
    d->len = 0;
    d->overflow = 0;
    if (len == 0 && !overflow) return 0; /* empty frame: idle delimiter */
    if (overflow) { d->cobs_err++; return 0; }
    size_t n = rig_cobs_decode(d->buf, len, d->raw, sizeof d->raw);
    if (n == (size_t)-1 || n < RIG_HEADER_SIZE + RIG_CRC_SIZE) { d->cobs_err++; return 0; }
    if (rig_crc16(d->raw, n - RIG_CRC_SIZE) != rig_get_u16(d->raw + n - RIG_CRC_SIZE)) { d->crc_err++; return 0; }
    if (d->raw[0] != RIG_PROTO_VERSION) { d->cobs_err++; return 0; }
    d->ok++;
    f->version = d->raw[0];
    f->type = d->raw[1];
    f->link_seq = d->raw[2];
    f->body = d->raw + RIG_HEADER_SIZE;
    f->body_len = n - RIG_HEADER_SIZE - RIG_CRC_SIZE;
    return 1;
}

void rig_put_u16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
void rig_put_u32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i)); }
void rig_put_u64(uint8_t *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i)); }
void rig_put_f32(uint8_t *p, float v)
{
    union { float f; uint32_t u; } c;
    c.f = v;
    rig_put_u32(p, c.u);
}
uint16_t rig_get_u16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
uint32_t rig_get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
uint64_t rig_get_u64(const uint8_t *p) { return (uint64_t)rig_get_u32(p) | ((uint64_t)rig_get_u32(p + 4) << 32); }
float rig_get_f32(const uint8_t *p)
{
    union { float f; uint32_t u; } c;
    c.u = rig_get_u32(p);
    return c.f;
}

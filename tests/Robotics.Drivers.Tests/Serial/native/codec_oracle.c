/* Oracle for the C# codec tests: runs hil-rigs/common/proto.c (the firmware's own CRC, COBS, frame builder and
 * streaming decoder) on commands read from stdin, one per line, and prints one answer line per command.
 *   crc HEX                  -> crc XXXX
 *   cobs HEX                 -> cobs HEX (encoded, no delimiter)
 *   frame TYPE SEQ HEX       -> frame HEX (complete wire frame incl. 0x00) | frame none
 *   decode HEX               -> decode ok=N crc=N cobs=N [TYPE:SEQ:HEXBODY ...]
 * Built by CodecTests with gcc (-std=c99 -Wall -Werror). */
#include <stdio.h>
#include <string.h>
#include "proto.h"

static size_t parse_hex(const char *s, uint8_t *out, size_t cap)
{
    size_t n = 0;
    while (s[0] && s[1] && n < cap) {
        unsigned v;
        if (sscanf(s, "%2x", &v) != 1) break;
        out[n++] = (uint8_t)v;
        s += 2;
    }
    return n;
}

static void print_hex(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) printf("%02X", p[i]);
}

int main(void)
{
    static char line[65536];
    static uint8_t in[16384], out[32768];
    while (fgets(line, sizeof line, stdin)) {
        char cmd[16] = {0}, hex[sizeof line];
        unsigned type = 0, seq = 0;
        hex[0] = 0;
        if (sscanf(line, "%15s", cmd) != 1) continue;
        if (strcmp(cmd, "crc") == 0) {
            sscanf(line, "%*s %s", hex);
            size_t n = parse_hex(hex, in, sizeof in);
            printf("crc %04X\n", rig_crc16(in, n));
        } else if (strcmp(cmd, "cobs") == 0) {
            sscanf(line, "%*s %s", hex);
            size_t n = parse_hex(hex, in, sizeof in);
            size_t e = rig_cobs_encode(in, n, out, sizeof out);
            printf("cobs ");
            print_hex(out, e);
            printf("\n");
        } else if (strcmp(cmd, "frame") == 0) {
            if (sscanf(line, "%*s %u %u %s", &type, &seq, hex) < 2) hex[0] = 0;
            if (strcmp(hex, "-") == 0) hex[0] = 0;
            size_t n = parse_hex(hex, in, sizeof in);
            size_t w = rig_frame_build((uint8_t)type, (uint8_t)seq, in, n, out, RIG_MAX_WIRE);
            if (w == 0) printf("frame none\n");
            else { printf("frame "); print_hex(out, w); printf("\n"); }
        } else if (strcmp(cmd, "decode") == 0) {
            sscanf(line, "%*s %s", hex);
            size_t n = parse_hex(hex, in, sizeof in);
            rig_decoder_t d;
            rig_frame_t f;
            rig_decoder_init(&d);
            char frames[65536];
            size_t pos = 0;
            frames[0] = 0;
            for (size_t i = 0; i < n; i++) {
                if (rig_decoder_push(&d, in[i], &f)) {
                    pos += (size_t)snprintf(frames + pos, sizeof frames - pos, " %02X:%02X:", f.type, f.link_seq);
                    for (size_t k = 0; k < f.body_len; k++) pos += (size_t)snprintf(frames + pos, sizeof frames - pos, "%02X", f.body[k]);
                }
            }
            printf("decode ok=%u crc=%u cobs=%u%s\n", (unsigned)d.ok, (unsigned)d.crc_err, (unsigned)d.cobs_err, frames);
        }
        fflush(stdout);
    }
    return 0;
}

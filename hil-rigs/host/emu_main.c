/* Host build of the rig firmware: the portable core (common/) over a HAL made of a pseudo-terminal, a 500 Hz timerfd
 * loop and the rig's simulated physics and sensors (tendon/tendon_sim.c, hasel/hasel_sim.c).
 *
 *   rig_emu tendon|hasel [--link PATH] [--seed N] [--faults SCRIPT] [--pace-baud N] [--stream-hz N] [--watchdog-ms N]
 *                        [--stdin-commands]
 *
 * Creates its own PTY (posix_openpt, raw mode on the master), points the stable symlink PATH at the slave (symlink +
 * rename, atomic), prints "READY PATH" on stdout and runs until SIGTERM/SIGINT (removes the link). Fault script: comma
 * separated "t_ms:kind" with t_ms counted from the first valid HELLO_REQ; kinds: garbage (64 random bytes incl. two
 * 0x00), trunc (next SAMPLE cut in half, no delimiter), badcrc (next SAMPLE with a wrong CRC), bitflip (one bit of the
 * next SAMPLE flipped), stallN (firmware frozen N ms: no rx, no tx, physics runs on), unplugN (PTY closed and link
 * removed for N ms, then a new PTY, the link swapped, the core rebooted; prints "REPLUGGED PATH"), die (exit 70 at once,
 * leaving the link dangling like a crashed device). With --stdin-commands, each line on stdin names one fault kind to
 * inject at once (e.g. "unplug300"), and end of file on stdin (the parent went away) stops the emulator. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "hal.h"
#include "rig_fw.h"
#include "rig_sim.h"

#ifdef RIG_NPC_MODEL
extern const rig_model_t rig_npc_model;
#define NPC_MODEL (&rig_npc_model)
#else
#define NPC_MODEL 0
#endif

enum fault_kind { F_GARBAGE, F_TRUNC, F_BADCRC, F_BITFLIP, F_STALL, F_UNPLUG, F_DIE };
typedef struct { long t_ms; int kind; long arg_ms; int done; } fault_t;
#define MAX_FAULTS 64

static struct {
    const rig_sim_ops_t *ops;
    rig_sim_t sim;
    rig_fw_t fw;
    float u[RIG_MAX_INPUTS];
    int master, slave;
    char link[4096], pts[128];
    fault_t faults[MAX_FAULTS];
    int n_faults;
    uint64_t t_hello_us;  /* first HELLO (0: not yet) */
    uint64_t stall_until_us, replug_at_us;
    int unplugged;
    int mutate[8];        /* pending SAMPLE mutations (FIFO): F_TRUNC, F_BADCRC, F_BITFLIP, one per sample */
    int n_mutate;
    double pace_bytes_per_us, pace_tokens;
    uint64_t pace_last_us;
    uint64_t samples_sent, frames_sent;
} E;

static volatile sig_atomic_t stop_requested;
static void on_signal(int sig) { (void)sig; stop_requested = 1; }

uint64_t hal_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static int write_all(const uint8_t *p, size_t n)
{
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(E.master, p + off, n - off);
        if (w > 0) { off += (size_t)w; continue; }
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (off == 0) return 1; /* nobody reads and the PTY buffer is full: drop the whole frame */
            struct pollfd pfd = { E.master, POLLOUT, 0 };
            if (poll(&pfd, 1, 20) <= 0) return 1;
            continue;
        }
        return 1;
    }
    return 0;
}

static int pace_allows(size_t n)
{
    if (E.pace_bytes_per_us <= 0) return 1;
    uint64_t now = hal_now_us();
    E.pace_tokens += (double)(now - E.pace_last_us) * E.pace_bytes_per_us;
    E.pace_last_us = now;
    if (E.pace_tokens > 2.0 * RIG_MAX_WIRE) E.pace_tokens = 2.0 * RIG_MAX_WIRE;
    if (E.pace_tokens < (double)n) return 0;
    E.pace_tokens -= (double)n;
    return 1;
}

int hal_link_write(const uint8_t *frame, size_t len)
{
    uint8_t raw[RIG_MAX_RAW], wire[RIG_MAX_WIRE];
    if (E.unplugged || E.master < 0) return 1;
    size_t n = rig_cobs_decode(frame, len - 1, raw, sizeof raw);
    int is_sample = n != (size_t)-1 && n > 2 && raw[1] == RIG_MSG_SAMPLE;
    if (is_sample && E.n_mutate > 0) {
        int kind = E.mutate[0];
        for (int i = 1; i < E.n_mutate; i++) E.mutate[i - 1] = E.mutate[i];
        E.n_mutate--;
        if (kind == F_TRUNC) {
            fprintf(stderr, "rig_emu: inject trunc (%zu of %zu bytes)\n", len / 2, len);
            return write_all(frame, len / 2) ? 1 : 0;
        }
        if (kind == F_BADCRC) raw[n - 1] ^= 0x5A;                                       /* well-formed, wrong CRC */
        else raw[RIG_HEADER_SIZE + 4 + (sim_rng_next(&E.sim.rng) % 8)] ^= (uint8_t)(1u << (sim_rng_next(&E.sim.rng) % 8)); /* bit flip in mcu_us */
        size_t e = rig_cobs_encode(raw, n, wire, sizeof wire - 1);
        wire[e] = 0;
        fprintf(stderr, "rig_emu: inject %s\n", kind == F_BADCRC ? "badcrc" : "bitflip");
        return write_all(wire, e + 1);
    }
    if (!pace_allows(len)) return 1;
    if (write_all(frame, len)) return 1;
    E.frames_sent++;
    if (is_sample) E.samples_sent++;
    return 0;
}

void hal_actuators_apply(const float *u, int n)
{
    for (int i = 0; i < n; i++) E.u[i] = u[i];
}

int hal_sensors_read(float *channels, float *outputs)
{
    E.ops->sense(&E.sim, channels, outputs, E.fw.noise_scale, E.fw.drift_scale);
    return -1;
}

static int open_pty(void)
{
    int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0 || ptsname_r(m, E.pts, sizeof E.pts) != 0) {
        perror("rig_emu: posix_openpt");
        return -1;
    }
    struct termios t;
    if (tcgetattr(m, &t) == 0) { /* raw before anyone opens the slave: no echo of our own frames */
        cfmakeraw(&t);
        tcsetattr(m, TCSANOW, &t);
    }
    fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK);
    /* Hold the slave open ourselves: the master then never sees HUP/EIO while the host is away. */
    E.slave = open(E.pts, O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (E.slave >= 0 && tcgetattr(E.slave, &t) == 0) { cfmakeraw(&t); tcsetattr(E.slave, TCSANOW, &t); }
    E.master = m;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", E.link, (long)getpid());
    unlink(tmp);
    if (symlink(E.pts, tmp) != 0 || rename(tmp, E.link) != 0) {
        fprintf(stderr, "rig_emu: cannot create the link %s -> %s: %s\n", E.link, E.pts, strerror(errno));
        return -1;
    }
    return 0;
}

static void close_pty(void)
{
    if (E.master >= 0) close(E.master);
    if (E.slave >= 0) close(E.slave);
    E.master = E.slave = -1;
}

static int parse_kind(const char *k, fault_t *f)
{
    char *end;
    if (!strcmp(k, "garbage")) f->kind = F_GARBAGE;
    else if (!strcmp(k, "trunc")) f->kind = F_TRUNC;
    else if (!strcmp(k, "badcrc")) f->kind = F_BADCRC;
    else if (!strcmp(k, "bitflip")) f->kind = F_BITFLIP;
    else if (!strcmp(k, "die")) f->kind = F_DIE;
    else if (!strncmp(k, "stall", 5) || !strncmp(k, "unplug", 6)) {
        f->kind = k[0] == 's' ? F_STALL : F_UNPLUG;
        f->arg_ms = strtol(k + (k[0] == 's' ? 5 : 6), &end, 10);
        if (*end || f->arg_ms <= 0) return -1;
    } else return -1;
    return 0;
}

static int parse_faults(const char *s)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(0, ",")) {
        char *colon = strchr(tok, ':');
        if (!colon || E.n_faults >= MAX_FAULTS) goto bad;
        *colon = 0;
        char *end;
        fault_t f = { strtol(tok, &end, 10), 0, 0, 0 };
        if (*end || f.t_ms < 0) goto bad;
        if (parse_kind(colon + 1, &f) != 0) goto bad;
        E.faults[E.n_faults++] = f;
        continue;
    bad:
        fprintf(stderr, "rig_emu: --faults: bad entry '%s' (expected t_ms:garbage|trunc|badcrc|bitflip|stallN|unplugN|die)\n", tok);
        return -1;
    }
    return 0;
}

static void fire(fault_t *f, uint64_t now)
{
    f->done = 1;
    switch (f->kind) {
    case F_GARBAGE: {
        uint8_t g[64];
        for (int i = 0; i < 64; i++) { g[i] = (uint8_t)sim_rng_next(&E.sim.rng); if (!g[i]) g[i] = 0x55; }
        g[10] = 0; g[40] = 0;
        fprintf(stderr, "rig_emu: inject garbage (64 bytes)\n");
        if (!E.unplugged) write_all(g, sizeof g);
        break;
    }
    case F_TRUNC: case F_BADCRC: case F_BITFLIP:
        if (E.n_mutate < 8) E.mutate[E.n_mutate++] = f->kind;
        break;
    case F_STALL:
        fprintf(stderr, "rig_emu: inject stall %ld ms\n", f->arg_ms);
        E.stall_until_us = now + (uint64_t)f->arg_ms * 1000u;
        break;
    case F_UNPLUG:
        fprintf(stderr, "rig_emu: inject unplug %ld ms\n", f->arg_ms);
        close_pty();
        unlink(E.link);
        E.unplugged = 1;
        E.replug_at_us = now + (uint64_t)f->arg_ms * 1000u;
        for (int i = 0; i < E.ops->desc->n_inputs; i++) E.u[i] = E.ops->desc->safe_value; /* unpowered */
        break;
    case F_DIE:
        fprintf(stderr, "rig_emu: inject die\n");
        _exit(70);
    }
}

static int usage(void)
{
    fprintf(stderr, "usage: rig_emu tendon|hasel [--link PATH] [--seed N] [--faults SCRIPT] [--pace-baud N] "
                    "[--stream-hz N] [--watchdog-ms N] [--stdin-commands]\n");
    return 2;
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    const char *faults = 0;
    long pace = 0, stream_hz = 0, watchdog_ms = 0;
    if (argc < 2) return usage();
    int stdin_commands = 0;
    if (!strcmp(argv[1], "tendon")) E.ops = &tendon_sim_ops;
    else if (!strcmp(argv[1], "hasel")) E.ops = &hasel_sim_ops;
    else { fprintf(stderr, "rig_emu: unknown rig '%s' (tendon or hasel)\n", argv[1]); return usage(); }
    snprintf(E.link, sizeof E.link, "/tmp/robotics-%s-%ld", E.ops->name, (long)getpid());
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : 0;
        if (!strcmp(a, "--stdin-commands")) { stdin_commands = 1; continue; }
        if (!v) return usage();
        if (!strcmp(a, "--link")) snprintf(E.link, sizeof E.link, "%s", v);
        else if (!strcmp(a, "--seed")) seed = strtoull(v, 0, 10);
        else if (!strcmp(a, "--faults")) faults = v;
        else if (!strcmp(a, "--pace-baud")) pace = strtol(v, 0, 10);
        else if (!strcmp(a, "--stream-hz")) stream_hz = strtol(v, 0, 10);
        else if (!strcmp(a, "--watchdog-ms")) watchdog_ms = strtol(v, 0, 10);
        else return usage();
        i++;
    }
    if (faults && parse_faults(faults) != 0) return 2;
    E.master = E.slave = -1;
    E.pace_bytes_per_us = pace > 0 ? (double)pace / 10.0 / 1e6 : 0.0;
    E.pace_last_us = hal_now_us();

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, 0);
    sigaction(SIGINT, &sa, 0);
    signal(SIGPIPE, SIG_IGN);

    const rig_desc_t *d = E.ops->desc;
    uint16_t caps = (uint16_t)(RIG_CAP_EMULATED | (E.n_faults ? RIG_CAP_FAULT_INJECTION : 0));
    E.ops->init(&E.sim, seed);
    if (stream_hz < 0 || stream_hz > 1000 || (watchdog_ms != 0 && (watchdog_ms < 20 || watchdog_ms > 2000))) {
        fprintf(stderr, "rig_emu: --stream-hz must be 1..1000 and --watchdog-ms 20..2000\n");
        return 2;
    }
    rig_fw_init(&E.fw, d, NPC_MODEL, caps); /* boot, then the start-up parameters */
    if (stream_hz > 0) { E.fw.stream_div = (uint32_t)((d->loop_hz + stream_hz / 2) / stream_hz); if (!E.fw.stream_div) E.fw.stream_div = 1; E.fw.stream_hz = (float)d->loop_hz / (float)E.fw.stream_div; }
    if (watchdog_ms > 0) E.fw.watchdog_ms = (float)watchdog_ms;
    if (open_pty() != 0) return 1;

    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    long period_ns = 1000000000L / d->loop_hz;
    struct itimerspec its = { { 0, period_ns }, { 0, period_ns } };
    timerfd_settime(tfd, 0, &its, 0);
    const double dt = 1.0 / d->loop_hz;

    printf("READY %s\n", E.link);
    fflush(stdout);
    fprintf(stderr, "rig_emu: %s on %s -> %s, seed %llu, %u Hz loop\n", E.ops->name, E.link, E.pts,
            (unsigned long long)seed, (unsigned)d->loop_hz);

    uint8_t buf[512];
    char line[256];
    size_t line_len = 0;
    while (!stop_requested) {
        struct pollfd p[3] = { { tfd, POLLIN, 0 }, { stdin_commands ? 0 : -1, POLLIN, 0 }, { E.master, POLLIN, 0 } };
        int np = E.master >= 0 ? 3 : 2;
        int r = poll(p, (nfds_t)np, 100);
        if (r < 0 && errno == EINTR) continue;
        uint64_t now = hal_now_us();
        if (p[1].revents & (POLLIN | POLLHUP)) {
            char c[128];
            ssize_t n = read(0, c, sizeof c);
            if (n <= 0) { fprintf(stderr, "rig_emu: stdin closed, stopping\n"); break; }
            for (ssize_t i = 0; i < n; i++) {
                if (c[i] != '\n' && line_len < sizeof line - 1) { line[line_len++] = c[i]; continue; }
                if (c[i] != '\n') continue;
                line[line_len] = 0;
                line_len = 0;
                fault_t f = { 0, 0, 0, 0 };
                if (line[0] == 0) continue;
                if (parse_kind(line, &f) != 0) fprintf(stderr, "rig_emu: unknown command '%s'\n", line);
                else fire(&f, now);
            }
        }
        int stalled = now < E.stall_until_us;
        if (np == 3 && (p[2].revents & POLLIN) && !stalled) {
            ssize_t n = read(E.master, buf, sizeof buf);
            if (n > 0) {
                rig_fw_rx(&E.fw, buf, (size_t)n);
                if (E.t_hello_us == 0 && E.fw.hello_count > 0) E.t_hello_us = hal_now_us();
            }
        }
        if (p[0].revents & POLLIN) {
            uint64_t expirations = 0;
            if (read(tfd, &expirations, sizeof expirations) != sizeof expirations) continue;
            for (uint64_t k = 0; k < expirations; k++) { /* catch up missed expirations: never stream fewer samples */
                E.ops->step(&E.sim, E.u, dt);
                if (!E.unplugged && now >= E.stall_until_us) rig_fw_tick(&E.fw);
            }
            if (E.unplugged && now >= E.replug_at_us) {
                E.unplugged = 0;
                {   /* the MCU reboots on replug (start-up parameters as given on the command line) */
                    uint32_t div = E.fw.stream_div;
                    float wd = E.fw.watchdog_ms;
                    rig_fw_init(&E.fw, d, NPC_MODEL, caps);
                    if (stream_hz > 0) { E.fw.stream_div = div; E.fw.stream_hz = (float)d->loop_hz / (float)div; }
                    if (watchdog_ms > 0) E.fw.watchdog_ms = wd;
                }
                if (open_pty() != 0) return 1;
                printf("REPLUGGED %s\n", E.link);
                fflush(stdout);
                fprintf(stderr, "rig_emu: replugged %s -> %s\n", E.link, E.pts);
            }
            if (E.t_hello_us != 0)
                for (int i = 0; i < E.n_faults; i++)
                    if (!E.faults[i].done && now >= E.t_hello_us + (uint64_t)E.faults[i].t_ms * 1000u) fire(&E.faults[i], now);
        }
    }
    fprintf(stderr, "rig_emu: stop: samples %llu, frames %llu, rx_ok %u, crc_err %u, cobs_err %u, cmd_gaps %u, tx_drop %u\n",
            (unsigned long long)E.samples_sent, (unsigned long long)E.frames_sent, E.fw.rx_ok, E.fw.dec.crc_err,
            E.fw.dec.cobs_err, E.fw.cmd_gaps, E.fw.tx_drop);
    close_pty();
    unlink(E.link);
    return 0;
}

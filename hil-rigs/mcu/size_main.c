/* Size probe for the Cortex-M4F cross-compile (make mcu-size): the core + one rig description + empty HAL stubs, linked
 * without a C library (-nostdlib, libgcc only; memcpy/memset below are the only library calls the compiler emits), so
 * arm-none-eabi-size reports what the core costs in flash (text + data) and RAM (data + bss). No vector table or
 * startup code: not a firmware (the boards use mcu/board_arduino.cpp with the vendor core). */
#include "hal.h"
#include "rig_fw.h"

extern const rig_desc_t RIG_DESC;
static rig_fw_t fw;
static volatile uint32_t ticks;

uint64_t hal_now_us(void) { return (uint64_t)ticks * 2000u; }
int hal_link_write(const uint8_t *frame, size_t len) { (void)frame; return len == 0; }
void hal_actuators_apply(const float *u, int n) { (void)u; (void)n; }
int hal_sensors_read(float *channels, float *outputs) { (void)outputs; channels[0] = (float)ticks; return -1; }

void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *o = d;
    const uint8_t *i = s;
    while (n--) *o++ = *i++;
    return d;
}

void *memset(void *d, int c, size_t n)
{
    uint8_t *o = d;
    while (n--) *o++ = (uint8_t)c;
    return d;
}

int main(void)
{
    static uint8_t rx[64];
    rig_fw_init(&fw, &RIG_DESC, 0, 0);
    for (;;) {
        rig_fw_rx(&fw, rx, sizeof rx);
        rig_fw_tick(&fw);
        ticks++;
    }
}

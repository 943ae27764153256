/* Hardware abstraction layer the portable firmware core (rig_fw.c) calls. Implemented by host/emu_main.c (PTY, timerfd,
 * simulated physics) and by the MCU boards (mcu/board_arduino.cpp: USB-CDC, PWM/DAC, ADC/I2C sensors). */
#ifndef RIG_HAL_H
#define RIG_HAL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Monotonic microseconds since an arbitrary epoch (host build: CLOCK_MONOTONIC, shared with the host driver). */
uint64_t hal_now_us(void);

/* Send one complete wire frame (COBS-encoded, with its 0x00 delimiter). Returns 0 when queued, non-zero when the frame
 * was dropped (TX buffer full, UART byte budget exceeded, link down): the core counts it in tx_drop. */
int hal_link_write(const uint8_t *frame, size_t len);

/* Drive the actuators with n clamped values (rad for the tendon motors, normalised drive level for HASEL). */
void hal_actuators_apply(const float *u, int n);

/* Read all sensor channels (and, on the emulator, the ground-truth outputs; real rigs leave outputs untouched).
 * Returns -1 on success or the index of the first failed channel. */
int hal_sensors_read(float *channels, float *outputs);

#ifdef __cplusplus
}
#endif
#endif /* RIG_HAL_H */

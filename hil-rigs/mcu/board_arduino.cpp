/* MCU hardware layer (hal.h) for the Arduino cores of both rigs: ESP32 WROVER (tendon rig, arduino-esp32) and
 * Teensy 3.6 (HASEL rig, Teensyduino). Selected by RIG_TENDON / RIG_HASEL (set in the rig's platformio.ini).
 * The portable core (common/) does everything else; this file only moves bytes, drives outputs and reads sensors.
 *
 * NOT BUILT IN CI (no PlatformIO on the CI image): the pin maps and sensor reads below follow the rigs described in
 * papers.md ("Toward smart composites") and must be checked against the actual wiring before flashing. See README.md
 * "Wiring and safety". */
#include <Arduino.h>

extern "C" {
#include "hal.h"
#include "rig_fw.h"
}

#if defined(RIG_TENDON)
extern "C" const rig_desc_t tendon_rig_desc;
#define RIG_DESC tendon_rig_desc
/* Two hobby-servo-style motor drivers on LEDC PWM (50 Hz, 1000-2000 us = -pi/2..+pi/2 rad) and 11 LightLace
 * phototransistors on ADC1 (ADC2 is unusable while Wi-Fi runs). */
static const int motor_pins[2] = { 25, 26 };
static const int sensor_pins[11] = { 36, 39, 34, 35, 32, 33, 27, 14, 12, 13, 15 };
#define LINK_BAUD 921600 /* CP2102 UART bridge: at 115200 a 500 Hz stream does not fit (PROTOCOL.md section 4) */
#elif defined(RIG_HASEL)
#include <Wire.h>
extern "C" const rig_desc_t hasel_rig_desc;
#define RIG_DESC hasel_rig_desc
/* Six HV supply enable/level inputs (PWM -> RC filter -> HV DC-DC control, 0 V at u = -0.5) and six 3-axis Hall
 * sensors on I2C (addresses 0x5E + i via an I2C mux in the original rig; here one bus with consecutive addresses). */
static const int hv_pins[6] = { 2, 3, 4, 5, 6, 7 };
static const int hv_enable_pin = 8; /* relay that disconnects the HV supply: opened in the safe state */
#define LINK_BAUD 2000000           /* native USB: the baud value is ignored */
#else
#error "define RIG_TENDON or RIG_HASEL"
#endif

static rig_fw_t fw;
static uint32_t last_micros, micros_high;
static uint64_t next_tick_us;

extern "C" uint64_t hal_now_us(void)
{
    uint32_t now = micros();
    if (now < last_micros) micros_high++; /* 32-bit micros() wraps every 71.6 min */
    last_micros = now;
    return ((uint64_t)micros_high << 32) | now;
}

extern "C" int hal_link_write(const uint8_t *frame, size_t len)
{
    if ((size_t)Serial.availableForWrite() < len) return 1; /* never block the loop: count as tx_drop */
    Serial.write(frame, len);
    return 0;
}

extern "C" void hal_actuators_apply(const float *u, int n)
{
#if defined(RIG_TENDON)
    for (int i = 0; i < n && i < 2; i++) {
        float us = 1500.0f + u[i] * (1000.0f / 3.14159265f); /* rad -> pulse width */
        ledcWrite(i, (uint32_t)(us / 20000.0f * 65535.0f));
    }
#else
    int any = 0;
    for (int i = 0; i < n && i < 6; i++) {
        float v = u[i] + 0.5f; /* 0..1 of V_max */
        any |= v > 0.001f;
        analogWrite(hv_pins[i], (int)(v * 4095.0f));
    }
    digitalWrite(hv_enable_pin, any ? HIGH : LOW);
#endif
}

extern "C" int hal_sensors_read(float *channels, float *outputs)
{
    (void)outputs; /* no ground truth on hardware */
#if defined(RIG_TENDON)
    for (int i = 0; i < 11; i++) channels[i] = (float)analogRead(sensor_pins[i]) / 4095.0f;
    return -1;
#else
    for (int s = 0; s < 6; s++) {
        Wire.beginTransmission((uint8_t)(0x5E + s));
        if (Wire.endTransmission(false) != 0 || Wire.requestFrom((uint8_t)(0x5E + s), (uint8_t)6) != 6) return 3 * s;
        for (int a = 0; a < 3; a++) {
            int16_t raw = (int16_t)((Wire.read() << 8) | Wire.read());
            channels[3 * s + a] = (float)raw * 0.098f; /* LSB -> mT: check the sensor's datasheet */
        }
    }
    return -1;
#endif
}

void setup()
{
    Serial.begin(LINK_BAUD);
#if defined(RIG_TENDON)
    for (int i = 0; i < 2; i++) { ledcSetup(i, 50, 16); ledcAttachPin(motor_pins[i], i); }
    analogReadResolution(12);
#else
    pinMode(hv_enable_pin, OUTPUT);
    digitalWrite(hv_enable_pin, LOW);
    analogWriteResolution(12);
    Wire.begin();
    Wire.setClock(1000000);
#endif
    rig_fw_init(&fw, &RIG_DESC, 0, 0); /* applies the safe state first thing */
    next_tick_us = hal_now_us();
}

void loop()
{
    uint8_t buf[64];
    int n = Serial.available();
    while (n > 0) {
        int got = Serial.readBytes(buf, n > (int)sizeof buf ? (int)sizeof buf : n);
        if (got <= 0) break;
        rig_fw_rx(&fw, buf, (size_t)got);
        n -= got;
    }
    uint64_t now = hal_now_us();
    if (now >= next_tick_us) { /* fixed-rate loop; catches up like the host build */
        rig_fw_tick(&fw);
        next_tick_us += 1000000u / RIG_DESC.loop_hz;
    }
}

#!/usr/bin/env python3
"""Independent generator of the known-answer frames in hil-rigs/tests/proto_test.c and PROTOCOL.md (python only,
no code shared with the C core): CRC-16/CCITT-FALSE bit by bit, COBS by the textbook algorithm."""
import struct


def crc16(data: bytes) -> int:
    c = 0xFFFF
    for b in data:
        c ^= b << 8
        for _ in range(8):
            c = ((c << 1) ^ 0x1021) & 0xFFFF if c & 0x8000 else (c << 1) & 0xFFFF
    return c


def cobs(data: bytes) -> bytes:
    out, block = bytearray(), bytearray()
    for i, x in enumerate(data):
        if x == 0:
            out += bytes([len(block) + 1]) + block
            block = bytearray()
        else:
            block.append(x)
            if len(block) == 254:
                out += b"\xff" + block
                block = bytearray()
                if i == len(data) - 1:
                    return bytes(out)
    return bytes(out + bytes([len(block) + 1]) + block)


def frame(msg_type: int, link_seq: int, body: bytes) -> bytes:
    raw = bytes([1, msg_type, link_seq]) + body
    return cobs(raw + struct.pack("<H", crc16(raw))) + b"\x00"


def show(name, b):
    print(f"{name}: {b.hex(' ').upper()}")


print(f"crc16('123456789') = 0x{crc16(b'123456789'):04X}")
show("HELLO_REQ nonce 0x12345678 1.0 seq 0", frame(0x01, 0, struct.pack("<IBB", 0x12345678, 1, 0)))
show("CMD seq 7 host_us 1e6 [0.5, -1] seq 3", frame(0x11, 3, struct.pack("<IQff", 7, 1000000, 0.5, -1.0)))
show("HEARTBEAT 0x0102030405060708 seq 255", frame(0x12, 255, struct.pack("<Q", 0x0102030405060708)))

#!/usr/bin/env python3
"""Golden XCDR1 (little-endian, plain CDR) byte vectors, packed by hand with `struct`.

Rules applied (OMG CDR as used by rmw_cyclonedds, see shared/reference/ros2-dds.md §2/§6):
  * 4-byte encapsulation header 00 01 00 00 (CDR_LE, options 0), alignment counted from the byte after it;
  * primitives aligned to their size (max 8); bool and uint8/char/byte are 1 byte;
  * string: uint32 length including the NUL, the UTF-8 bytes, a NUL;
  * sequence: uint32 element count, then the elements; fixed arrays: the elements only;
  * nested structs: their members in order (a struct has no alignment of its own in XCDR1).
No trailing padding is added after the last member.

Prints C# `byte[]` literals; tests/Robotics.Ros.Tests/Messages paste them with a comment naming this script.
Run: /usr/bin/python3 tests/golden/ros/cdr_golden.py
"""
import struct


class W:
    def __init__(self):
        self.b = bytearray()

    def align(self, n):
        while len(self.b) % n:
            self.b.append(0)

    def prim(self, fmt, v):
        size = struct.calcsize('<' + fmt)
        self.align(size)
        self.b += struct.pack('<' + fmt, v)

    def string(self, s):
        data = s.encode('utf-8')
        self.prim('I', len(data) + 1)
        self.b += data + b'\x00'

    def seq_len(self, n):
        self.prim('I', n)


def header(w, sec, nanosec, frame_id):
    w.prim('i', sec)          # builtin_interfaces/Time.sec int32
    w.prim('I', nanosec)      # builtin_interfaces/Time.nanosec uint32
    w.string(frame_id)        # std_msgs/Header.frame_id


def encap(w):
    return bytes([0x00, 0x01, 0x00, 0x00]) + bytes(w.b)


def string_hi():
    w = W()
    w.string('hi')
    return encap(w)


def twist():
    # geometry_msgs/Twist: linear {x,y,z} = (1.0, -2.5, 3.25), angular = (0.0, 0.5, -0.001)
    w = W()
    for v in (1.0, -2.5, 3.25, 0.0, 0.5, -0.001):
        w.prim('d', v)
    return encap(w)


def joint_state():
    # sensor_msgs/JointState: header {stamp {1700000000, 123456789}, frame_id "base_link"},
    # name ["j1", "joint_two"], position [0.5, -1.25], velocity [], effort [3.0, 4.0]
    w = W()
    header(w, 1700000000, 123456789, 'base_link')
    w.seq_len(2)
    w.string('j1')
    w.string('joint_two')
    w.seq_len(2)
    w.prim('d', 0.5)
    w.prim('d', -1.25)
    w.seq_len(0)
    w.seq_len(2)
    w.prim('d', 3.0)
    w.prim('d', 4.0)
    return encap(w)


def participant_entities_info():
    # rmw_dds_common/ParticipantEntitiesInfo (jazzy, Gid = char[16]):
    # gid = 01 02 .. 10; one node {ns "/demo", name "talker", readers [], writers [gid 0xA0..0xAF]}
    w = W()
    w.b += bytes(range(1, 17))                 # Gid.data char[16] (uint8, fixed array: no length)
    w.seq_len(1)                               # node_entities_info_seq
    w.string('/demo')                          # node_namespace string<=256
    w.string('talker')                         # node_name string<=256
    w.seq_len(0)                               # reader_gid_seq
    w.seq_len(1)                               # writer_gid_seq
    w.b += bytes(range(0xA0, 0xB0))
    return encap(w)


def cs(name, data):
    body = ', '.join(f'0x{x:02X}' for x in data)
    return f'    // {name}: {len(data)} bytes\n    public static readonly byte[] {name} = [{body}];'


if __name__ == '__main__':
    print(cs('StringHi', string_hi()))
    print(cs('Twist', twist()))
    print(cs('JointState', joint_state()))
    print(cs('ParticipantEntitiesInfo', participant_entities_info()))

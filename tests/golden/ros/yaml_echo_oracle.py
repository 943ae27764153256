#!/usr/bin/python3
"""`ros2 topic echo` text for arbitrary XCDR1 samples of any vendored type, the way ros2cli makes it.

Usage: yaml_echo_oracle.py <interfaces-dir> [--flow-style] < input > output
  input:  one sample per line, `<ros type>\t<hex of the XCDR1 sample, header included>`, where <ros type> is
          `pkg/msg/T` or `pkg/srv/Svc_Request` / `pkg/srv/Svc_Response`
  output: for each input line, the text `ros2 topic echo` prints for that sample (YAML, then `---`), followed by a
          line `=====END=====`; a sample that cannot be decoded prints `ERROR <reason>` instead of the YAML.

How (independent of the C# code): decodes the CDR with its own decoder driven by the .msg files (parser from
msg2idl.py), builds the value rclpy would hold (float32 widened to a Python float, `byte` as a 1-byte `bytes`,
`char` as int, numeric arrays as lists, empty messages without fields), converts it like rosidl_runtime_py
`message_to_ordereddict`/`_convert_value` (bytes -> str via chr, lists truncated at 128 with '...', strings at 128
with '...') and dumps it like `message_to_yaml`: `yaml.dump(d, allow_unicode=True, width=sys.maxsize,
default_flow_style=flow_style)` with an OrderedDict representer, then `---` (ros2topic/verb/echo.py).
Needs PyYAML (Debian python3-yaml).
"""
from collections import OrderedDict
import os
import struct
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import msg2idl  # noqa: E402  (the .msg parser of this folder)

TRUNCATE = 128
PRIM_FMT = {
    'bool': '?', 'byte': 'c', 'char': 'B', 'float32': 'f', 'float64': 'd', 'int8': 'b', 'uint8': 'B',
    'int16': 'h', 'uint16': 'H', 'int32': 'i', 'uint32': 'I', 'int64': 'q', 'uint64': 'Q',
}
DUMMY = [('uint8', None, None, 'structure_needs_at_least_one_member')]


class Bad(Exception):
    pass


class Reader:
    def __init__(self, body):
        self.b = body
        self.p = 0

    def align(self, n):
        self.p = (self.p + n - 1) // n * n

    def prim(self, t):
        fmt = PRIM_FMT[t]
        size = struct.calcsize('<' + fmt)
        self.align(size)
        if self.p + size > len(self.b):
            raise Bad('truncated')
        (v,) = struct.unpack_from('<' + fmt, self.b, self.p)
        self.p += size
        if t == 'bool' and self.b[self.p - 1] > 1:
            raise Bad('bool')
        return v

    def string(self):
        n = self.prim('uint32')
        if n == 0:
            return ''
        if self.p + n > len(self.b) or self.b[self.p + n - 1] != 0:
            raise Bad('string')
        s = self.b[self.p:self.p + n - 1].decode('utf-8')
        self.p += n
        return s


def represent_ordereddict(dumper, data):
    return yaml.nodes.MappingNode('tag:yaml.org,2002:map',
                                  [(dumper.represent_data(k), dumper.represent_data(v)) for k, v in data.items()])


yaml.add_representer(OrderedDict, represent_ordereddict)


def convert(v):
    """rosidl_runtime_py.convert._convert_value with truncate_length=128."""
    if isinstance(v, bytes):
        return ''.join(chr(c) for c in v[:TRUNCATE]) + ('...' if len(v) > TRUNCATE else '')
    if isinstance(v, str):
        return v[:TRUNCATE] + '...' if len(v) > TRUNCATE else v
    if isinstance(v, list):
        items = [convert(x) for x in v[:TRUNCATE]]
        return items + ['...'] if len(v) > TRUNCATE else items
    if isinstance(v, OrderedDict):
        return OrderedDict((k, convert(x)) for k, x in v.items())
    return v


class Decoder:
    def __init__(self, root):
        self.types = msg2idl.load(root)

    def value(self, r, base, sbound):
        if base in PRIM_FMT:
            return r.prim(base)
        if base in ('string', 'wstring'):
            s = r.string()
            if sbound is not None and len(s.encode('utf-8')) > sbound:
                raise Bad('bound')
            return s
        return self.message(r, msg2idl.msg_key(base))

    def message(self, r, key):
        fields = self.types[key][3]
        d = OrderedDict()
        for base, sbound, arr, name in fields:
            if arr is None:
                d[name] = self.value(r, base, sbound)
                continue
            inner = arr[1:-1]
            if inner == '' or inner.startswith('<='):
                n = r.prim('uint32')
                if inner.startswith('<=') and n > int(inner[2:]):
                    raise Bad('bound')
                if n > len(r.b):
                    raise Bad('length')
            else:
                n = int(inner)
            d[name] = [self.value(r, base, sbound) for _ in range(n)]
        if fields == DUMMY:
            return OrderedDict()
        return d


def main():
    root = sys.argv[1]
    flow = '--flow-style' in sys.argv[2:]
    dec = Decoder(root)
    out = sys.stdout
    for line in sys.stdin:
        line = line.rstrip('\n')
        if not line:
            continue
        key, hexdata = line.split('\t')
        data = bytes.fromhex(hexdata)
        try:
            if len(data) < 4 or data[0:2] != b'\x00\x01':
                raise Bad('header')
            d = dec.message(Reader(data[4:]), key)
            text = yaml.dump(convert(d), allow_unicode=True, width=sys.maxsize, default_flow_style=flow) + '---\n'
        except (Bad, UnicodeDecodeError) as e:
            text = f'ERROR {e}\n'
        out.write(text)
        out.write('=====END=====\n')


if __name__ == '__main__':
    main()

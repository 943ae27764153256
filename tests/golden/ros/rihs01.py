#!/usr/bin/env python3
"""Independent RIHS01 type hashes for every vendored interface (REP-2011).

Usage: rihs01.py <interfaces-dir> [type ...]     e.g. rihs01.py core/interfaces std_msgs/msg/String

Implements the algorithm of rosidl_generator_type_description (jazzy) `calculate_type_hash` from its description:
  * the .msg is first seen as rosidl IDL (`char` -> uint8, `byte` -> octet, empty message -> one member
    `uint8 structure_needs_at_least_one_member`);
  * each type is {"type_name": "pkg/msg/T", "fields": [{"name", "type": {"type_id", "capacity",
    "string_capacity", "nested_type_name"}}]} (default values removed before hashing), with type_id from
    type_description_interfaces/msg/FieldType.msg (element id, +48 fixed array, +96 bounded sequence,
    +144 unbounded sequence);
  * the hashed document is {"type_description": <T>, "referenced_type_descriptions": [every type reachable
    from T, sorted by name]} as compact JSON with ", " and ": " separators, keys in that order;
  * a service pkg/srv/S is a type with fields request_message (S_Request), response_message (S_Response) and
    event_message (S_Event = {info: service_msgs/msg/ServiceEventInfo, request: S_Request[<=1],
    response: S_Response[<=1]}).
It shares no code with the C# generator. With no type arguments it prints every type, one `<name> <hash>` per line.
Checked against published hashes: see KNOWN below (values from ROS users' `ros2 topic info -v`, ros2-dds.md §3-B).
"""
import hashlib
import json
import os
import re
import sys

ELEMENT_ID = {
    'nested': 1, 'int8': 2, 'uint8': 3, 'int16': 4, 'uint16': 5, 'int32': 6, 'uint32': 7,
    'int64': 8, 'uint64': 9, 'float32': 10, 'float64': 11, 'char': 3, 'bool': 15, 'byte': 16,
    'string': 17, 'wstring': 18, 'bounded_string': 21, 'bounded_wstring': 22,
}
FIELD_RE = re.compile(r'^([A-Za-z][A-Za-z0-9_]*(?:/[A-Za-z][A-Za-z0-9_]*)?)(<=\d+)?(\[(?:<=)?\d*\])?\s+([A-Za-z][A-Za-z0-9_]*)(\s+.*)?$')
PRIMS = {'bool', 'byte', 'char', 'float32', 'float64', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32',
         'int64', 'uint64', 'string', 'wstring'}


def parse(pkg, text):
    fields = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith('#') or re.match(r'^\S+\s+[A-Za-z][A-Za-z0-9_]*\s*=', line):
            continue
        line = line.split('#', 1)[0].strip()
        if not line:
            continue
        m = FIELD_RE.match(line)
        if not m:
            raise SystemExit(f'{pkg}: cannot parse {raw!r}')
        base, sb, arr, name, _ = m.groups()
        if base == 'Header':
            base = 'std_msgs/Header'
        elif base not in PRIMS and '/' not in base:
            base = f'{pkg}/{base}'
        fields.append(field(name, base, int(sb[2:]) if sb else 0, arr))
    if not fields:
        fields.append(field('structure_needs_at_least_one_member', 'uint8', 0, None))
    return fields


def field(name, base, string_bound, arr):
    if base in PRIMS:
        if base in ('string', 'wstring') and string_bound:
            elem = ELEMENT_ID['bounded_' + base]
        else:
            elem = ELEMENT_ID[base]
        nested = ''
    else:
        elem = ELEMENT_ID['nested']
        parts = base.split('/')
        nested = base if len(parts) == 3 else f'{parts[0]}/msg/{parts[1]}'
    capacity = 0
    if arr is not None:
        inner = arr[1:-1]
        if inner == '':
            elem += 144
        elif inner.startswith('<='):
            elem += 96
            capacity = int(inner[2:])
        else:
            elem += 48
            capacity = int(inner)
    return {'name': name, 'type': {'type_id': elem, 'capacity': capacity, 'string_capacity': string_bound,
                                   'nested_type_name': nested}}


def load(root):
    types = {}
    services = []
    for pkg in sorted(os.listdir(root)):
        for kind in ('msg', 'srv'):
            d = os.path.join(root, pkg, kind)
            if not os.path.isdir(d):
                continue
            for f in sorted(os.listdir(d)):
                with open(os.path.join(d, f), encoding='utf-8') as fh:
                    text = fh.read()
                if f.endswith('.msg'):
                    n = f'{pkg}/msg/{f[:-4]}'
                    types[n] = {'type_name': n, 'fields': parse(pkg, text)}
                elif f.endswith('.srv'):
                    s = f'{pkg}/srv/{f[:-4]}'
                    req, resp = re.split(r'^---\s*$', text, flags=re.M)
                    types[s + '_Request'] = {'type_name': s + '_Request', 'fields': parse(pkg, req)}
                    types[s + '_Response'] = {'type_name': s + '_Response', 'fields': parse(pkg, resp)}
                    types[s + '_Event'] = {'type_name': s + '_Event', 'fields': [
                        field('info', 'service_msgs/msg/ServiceEventInfo', 0, None),
                        field('request', s + '_Request', 0, '[<=1]'),
                        field('response', s + '_Response', 0, '[<=1]')]}
                    types[s] = {'type_name': s, 'fields': [
                        field('request_message', s + '_Request', 0, None),
                        field('response_message', s + '_Response', 0, None),
                        field('event_message', s + '_Event', 0, None)]}
                    services.append(s)
    return types, services


def type_hash(name, types):
    refs, queue = set(), [f['type']['nested_type_name'] for f in types[name]['fields'] if f['type']['nested_type_name']]
    while queue:
        t = queue.pop()
        if t not in refs:
            refs.add(t)
            queue.extend(f['type']['nested_type_name'] for f in types[t]['fields'] if f['type']['nested_type_name'])
    doc = {'type_description': types[name], 'referenced_type_descriptions': [types[t] for t in sorted(refs)]}
    text = json.dumps(doc, ensure_ascii=True, allow_nan=False, indent=None, separators=(', ', ': '), sort_keys=False)
    return 'RIHS01_' + hashlib.sha256(text.encode('utf-8')).hexdigest()


# Published values (ROS users' `ros2 topic info -v` output; shared/reference/ros2-dds.md §3-B).
# The script refuses to print anything if its own result disagrees with one of them.
KNOWN_PREFIX = {
    'std_msgs/msg/String': 'RIHS01_df668c740482bbd48fb39d76a70dfd4bd59db1288021743503259e948f6b1a18',
    'builtin_interfaces/msg/Time': 'RIHS01_b106235e25a4c5ed35098aa0a61a3ee9c9b18d197f398b0e4206cea9acf9c197',
    'std_msgs/msg/Header': 'RIHS01_f49fb3ae2cf070f793645ff749683ac6b06203e41c891e17701b1cb597ce6a01',
    'geometry_msgs/msg/Twist': 'RIHS01_9c45bf16fe0983d80e3cfe750d6835843d265a9a6c46bd2e609fcddde6fb8d2a',
    'sensor_msgs/msg/JointState': 'RIHS01_a13ee3a330e346c9d87b5aa18d24e11690752bd33a0350f11c5882bc9179260e',
    'rmw_dds_common/msg/ParticipantEntitiesInfo':
        'RIHS01_91a0593bacdcc50ea9bdcf849a938b128412cc1ea821245c663bcd26f83c295e',
}


def main():
    root = sys.argv[1]
    types, _ = load(root)
    for name, prefix in KNOWN_PREFIX.items():
        if name in types and not type_hash(name, types).startswith(prefix):
            raise SystemExit(f'self-check failed for {name}')
    names = sys.argv[2:] or sorted(types)
    for n in names:
        print(n, type_hash(n, types))


if __name__ == '__main__':
    main()

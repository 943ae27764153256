#!/usr/bin/env python3
"""Independent oracle input: rosidl-style IDL for every vendored ROS interface, plus a C dump program.

Usage: msg2idl.py <interfaces-dir> <out-dir>

Writes <out-dir>/<pkg>.idl per package (one `module pkg { module msg { module dds_ { struct T_ {...}; }; }; };` block per
type, in dependency order, as rosidl + rmw_cyclonedds name them) <out-dir>/packages.txt and <out-dir>/opsdump.c,
which #includes the idlc output (`idlc [-t] <pkg>.idl` -> <pkg>.c/.h) and prints, for every type, one line:

    <ros name> <dds type name> size=<m_size> align=<m_align> flagset=<m_flagset> nops=<m_nops> ops=<hex words>

The ops words are the whole static ops array (sizeof / 4). Services produce `pkg/srv/Svc_Request` and
`pkg/srv/Svc_Response`, and `pkg/srv/Svc_Request#wrapped` / `..._Response#wrapped`: the same fields preceded by
rmw_cyclonedds' request header {uint64 guid; int64 seq} (src/serdata.hpp cdds_request_header_t), declared as a
flat struct in module `pkg::srv::dds_::wrapped_`.

This script has its own .msg parser (written from the rosidl .msg grammar: `type name [default]`,
`type NAME=value` constants, `#` comments, `T[]`, `T[N]`, `T[<=N]`, `string<=N`, unqualified names resolve to
the same package, `Header` to std_msgs/Header, `char` -> uint8, `byte` -> octet, empty messages get
`uint8 structure_needs_at_least_one_member`); it shares no code with the C# generator.
"""
import os
import re
import sys

PRIMS = {
    'bool': 'boolean', 'byte': 'octet', 'char': 'uint8',
    'float32': 'float', 'float64': 'double',
    'int8': 'int8', 'uint8': 'uint8', 'int16': 'int16', 'uint16': 'uint16',
    'int32': 'int32', 'uint32': 'uint32', 'int64': 'int64', 'uint64': 'uint64',
    'string': 'string', 'wstring': 'wstring',
}

FIELD_RE = re.compile(r'^([A-Za-z][A-Za-z0-9_]*(?:/[A-Za-z][A-Za-z0-9_]*)?)(<=\d+)?(\[(?:<=)?\d*\])?\s+([A-Za-z][A-Za-z0-9_]*)(\s+.*)?$')


def parse_fields(pkg, text):
    """Returns a list of (base, string_bound, array_suffix, name); constants are skipped."""
    fields = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith('#'):
            continue
        # constants: `type NAME=value` (value may contain '#', so test before stripping comments)
        m_const = re.match(r'^\S+\s+[A-Za-z][A-Za-z0-9_]*\s*=', line)
        if m_const:
            continue
        line = line.split('#', 1)[0].strip()
        if not line:
            continue
        m = FIELD_RE.match(line)
        if not m:
            raise SystemExit(f'{pkg}: cannot parse line: {raw!r}')
        base, sbound, arr, name, _default = m.groups()
        if base == 'Header':
            base = 'std_msgs/Header'
        elif base not in PRIMS and '/' not in base:
            base = f'{pkg}/{base}'
        fields.append((base, int(sbound[2:]) if sbound else None, arr, name))
    if not fields:
        fields.append(('uint8', None, None, 'structure_needs_at_least_one_member'))
    return fields


def load(root):
    """Returns {ros_key: (pkg, kind, short, fields)}; ros_key like std_msgs/msg/String, pkg/srv/Svc_Request."""
    types = {}
    for pkg in sorted(os.listdir(root)):
        pdir = os.path.join(root, pkg)
        if not os.path.isdir(pdir):
            continue
        mdir = os.path.join(pdir, 'msg')
        if os.path.isdir(mdir):
            for f in sorted(os.listdir(mdir)):
                if f.endswith('.msg'):
                    short = f[:-4]
                    with open(os.path.join(mdir, f), encoding='utf-8') as fh:
                        types[f'{pkg}/msg/{short}'] = (pkg, 'msg', short, parse_fields(pkg, fh.read()))
        sdir = os.path.join(pdir, 'srv')
        if os.path.isdir(sdir):
            for f in sorted(os.listdir(sdir)):
                if f.endswith('.srv'):
                    short = f[:-4]
                    with open(os.path.join(sdir, f), encoding='utf-8') as fh:
                        text = fh.read()
                    parts = re.split(r'^---\s*$', text, flags=re.M)
                    if len(parts) != 2:
                        raise SystemExit(f'{pkg}/srv/{short}: expected one --- separator')
                    types[f'{pkg}/srv/{short}_Request'] = (pkg, 'srv', short + '_Request', parse_fields(pkg, parts[0]))
                    types[f'{pkg}/srv/{short}_Response'] = (pkg, 'srv', short + '_Response', parse_fields(pkg, parts[1]))
    return types


def msg_key(base):
    pkg, short = base.split('/')
    return f'{pkg}/msg/{short}'


def idl_type(base, sbound):
    if base in PRIMS:
        t = PRIMS[base]
        if sbound is not None:
            t = f'{t}<{sbound}>'
        return t
    pkg, short = base.split('/')
    return f'::{pkg}::msg::dds_::{short}_'


def idl_member(base, sbound, arr, name):
    t = idl_type(base, sbound)
    name = '_' + name  # IDL escaped identifier: field names such as `map` are IDL keywords
    if arr is None:
        return f'{t} {name};'
    inner = arr[1:-1]
    if inner == '':
        return f'sequence< {t} > {name};'
    if inner.startswith('<='):
        return f'sequence< {t}, {int(inner[2:])} > {name};'
    return f'{t} {name}[{int(inner)}];'


def c_name(pkg, kind, short, wrapped=False):
    mid = 'dds__wrapped_' if wrapped else 'dds_'
    return f'{pkg}_{kind}_{mid}_{short}_'


def main():
    root, out = sys.argv[1], sys.argv[2]
    types = load(root)
    order, seen = [], set()

    def visit(key, stack=()):
        if key in seen:
            return
        if key in stack:
            raise SystemExit('recursive type ' + key)
        if key not in types:
            raise SystemExit('unknown type ' + key)
        for base, _, _, _ in types[key][3]:
            if base not in PRIMS:
                visit(msg_key(base), stack + (key,))
        seen.add(key)
        order.append(key)

    for key in sorted(types):
        visit(key)

    # One IDL file per package (idlc 0.10.2's preprocessor fails with "File write error" on one ~36 KB file),
    # each #including the packages it uses; every type is declared after the types it uses.
    pkg_deps = {}
    for key in order:
        pkg = types[key][0]
        deps = pkg_deps.setdefault(pkg, [])
        for base, _, _, _ in types[key][3]:
            if base not in PRIMS:
                dpkg = base.split('/')[0]
                if dpkg != pkg and dpkg not in deps:
                    deps.append(dpkg)
    idl = {pkg: [f'// Generated by tests/golden/ros/msg2idl.py from core/interfaces/{pkg}; do not edit.',
                 f'#ifndef {pkg.upper()}_IDL', f'#define {pkg.upper()}_IDL']
           + [f'#include "{d}.idl"' for d in sorted(deps)] for pkg, deps in pkg_deps.items()}
    dump = ['// Generated by tests/golden/ros/msg2idl.py; compile with the idlc output of the <pkg>.idl files.',
            '#include <stdio.h>'] + [f'#include "{pkg}.c"' for pkg in sorted(pkg_deps)] + ['',
            'static void dump(const char *key, const dds_topic_descriptor_t *d, const uint32_t *ops, size_t n)',
            '{',
            '  printf("%s %s size=%u align=%u flagset=%u nops=%u ops=", key, d->m_typename, (unsigned) d->m_size,'
            ' (unsigned) d->m_align, (unsigned) d->m_flagset, (unsigned) d->m_nops);',
            '  for (size_t i = 0; i < n; i++) printf("%s%08x", i ? "," : "", (unsigned) ops[i]);',
            '  printf("\\n");',
            '}', '', 'int main(void)', '{']
    for key in order:
        pkg, kind, short, fields = types[key]
        members = '\n    '.join(idl_member(*f) for f in fields)  # one member per line
        idl[pkg].append(f'module {pkg} {{ module {kind} {{ module dds_ {{ struct {short}_ {{\n    {members}\n}}; }}; }}; }};')
        cn = c_name(pkg, kind, short)
        dump.append(f'  dump("{key}", &{cn}_desc, {cn}_ops, sizeof ({cn}_ops) / sizeof ({cn}_ops[0]));')
        if kind == 'srv':
            idl[pkg].append(f'module {pkg} {{ module {kind} {{ module dds_ {{ module wrapped_ {{ struct {short}_ '
                            f'{{\n    uint64 guid;\n    int64 seq;\n    {members}\n}}; }}; }}; }}; }};')
            cw = c_name(pkg, kind, short, wrapped=True)
            dump.append(f'  dump("{key}#wrapped", &{cw}_desc, {cw}_ops, sizeof ({cw}_ops) / sizeof ({cw}_ops[0]));')
    dump += ['  return 0;', '}', '']
    os.makedirs(out, exist_ok=True)
    for pkg, lines in idl.items():
        with open(os.path.join(out, pkg + '.idl'), 'w', encoding='utf-8') as fh:
            fh.write('\n'.join(lines + ['#endif', '']))
    with open(os.path.join(out, 'packages.txt'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(sorted(pkg_deps)) + '\n')
    with open(os.path.join(out, 'opsdump.c'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(dump))


if __name__ == '__main__':
    main()

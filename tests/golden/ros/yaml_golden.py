#!/usr/bin/python3
"""Expected `ros2 topic echo` text, produced the way ros2cli produces it.

ros2cli (jazzy) ros2topic/verb/echo.py prints `message_to_yaml(msg, truncate_length=128, no_arr, no_str,
flow_style)` followed by `---`; rosidl_runtime_py/convert.py `message_to_yaml` turns the message into an
OrderedDict (fields in .msg order; sequences and fixed arrays become lists, numpy scalars Python scalars;
sequences longer than truncate_length are cut and get a '...' item; strings longer are cut and get '...') and
calls `yaml.dump(d, allow_unicode=True, width=sys.maxsize, default_flow_style=flow_style)` with a representer
that writes an OrderedDict as a plain mapping. This script does exactly that with Debian's PyYAML on hand-built
dictionaries (no ROS needed) and prints C# raw string literals.

Run: /usr/bin/python3 tests/golden/ros/yaml_golden.py
"""
from collections import OrderedDict
import sys

import yaml


def represent_ordereddict(dumper, data):
    items = [(dumper.represent_data(k), dumper.represent_data(v)) for k, v in data.items()]
    return yaml.nodes.MappingNode('tag:yaml.org,2002:map', items)


yaml.add_representer(OrderedDict, represent_ordereddict)


def truncate(value, n=128):
    if isinstance(value, str) and len(value) > n:
        return value[:n] + '...'
    if isinstance(value, list):
        items = [truncate(v, n) for v in value[:n]]
        return items + ['...'] if len(value) > n else items
    if isinstance(value, OrderedDict):
        return OrderedDict((k, truncate(v, n)) for k, v in value.items())
    return value


def echo(d, flow_style=False):
    return yaml.dump(truncate(d), allow_unicode=True, width=sys.maxsize, default_flow_style=flow_style) + '---\n'


def od(*pairs):
    return OrderedDict(pairs)


def header(sec, nanosec, frame_id):
    return od(('stamp', od(('sec', sec), ('nanosec', nanosec))), ('frame_id', frame_id))


# Same sample as cdr_golden.py's JointState.
JOINT_STATE = od(('header', header(1700000000, 123456789, 'base_link')),
                 ('name', ['j1', 'joint_two']),
                 ('position', [0.5, -1.25]),
                 ('velocity', []),
                 ('effort', [3.0, 4.0]))

# Same sample as cdr_golden.py's Twist.
TWIST = od(('linear', od(('x', 1.0), ('y', -2.5), ('z', 3.25))),
           ('angular', od(('x', 0.0), ('y', 0.5), ('z', -0.001))))

# Scalars that need care: quoting of strings YAML would read as other types, float spelling.
STRING_SPECIALS = [od(('data', s)) for s in ('', 'hi', 'yes', '1.5', 'a: b', "it's", ' lead', 'null', '~')]
FLOAT_SPECIALS = [od(('data', v)) for v in (1e-05, 1e+20, 123456789.125, float('inf'), float('-inf'), 0.1)]
LONG_SEQUENCE = od(('layout', od(('dim', []), ('data_offset', 0))), ('data', [float(i) for i in range(130)]))


def cs(name, text):
    # The empty line before the closing quotes keeps the final newline after `---` in the C# raw string.
    return f'    public const string {name} = """\n{text}\n""";\n'


if __name__ == '__main__':
    print(cs('JointStateEcho', echo(JOINT_STATE)))
    print(cs('TwistEcho', echo(TWIST)))
    print(cs('JointStateEchoFlow', echo(JOINT_STATE, flow_style=True)))
    for i, d in enumerate(STRING_SPECIALS):
        print(f'    // std_msgs/String data={d["data"]!r}')
        print(cs(f'StringEcho{i}', echo(d)))
    for i, d in enumerate(FLOAT_SPECIALS):
        print(f'    // std_msgs/Float64 data={d["data"]!r}')
        print(cs(f'Float64Echo{i}', echo(d)))
    print('    // std_msgs/Float64MultiArray with 130 elements: ros2 topic echo truncates at 128 and adds ...')
    print(cs('Float64MultiArrayTruncatedEcho', echo(LONG_SEQUENCE)))

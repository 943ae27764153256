#!/bin/sh
# Encodes the cdr_golden.py samples with Cyclone's serializer and diffs the two outputs (must be empty).
# Usage: tests/golden/ros/cdr_cyclone.sh <work-dir>     (needs cyclonedds-dev, cyclonedds-tools, gcc)
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
sh "$here/run_opsdump.sh" "$root/core/interfaces" "$1" >/dev/null
cd "$1"
gcc -O0 -I. -o cdr_cyclone "$here/cdr_cyclone.c" builtin_interfaces.c std_msgs.c geometry_msgs.c sensor_msgs.c rmw_dds_common.c -lddsc
./cdr_cyclone > cdr_cyclone.txt
python3 "$here/cdr_golden.py" > cdr_python.txt
diff cdr_python.txt cdr_cyclone.txt && echo "cdr_golden.py == Cyclone dds_stream_writeLE for all vectors"

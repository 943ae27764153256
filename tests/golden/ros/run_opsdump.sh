#!/bin/sh
# Regenerates idlc's descriptor dump for every vendored interface type (the A1 oracle).
# Usage: tests/golden/ros/run_opsdump.sh <interfaces-dir> <work-dir>  -> prints one line per type on stdout.
# idlc runs with -t (no XTypes type information), so DDS_TOPIC_XTYPES_METADATA is not in the flagset.
set -e
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/msg2idl.py" "$1" "$2"
cd "$2"
for pkg in $(cat packages.txt); do
  idlc -t -Wno-implicit-extensibility -o . "$pkg.idl" >/dev/null
done
gcc -O0 -I. -o opsdump opsdump.c -lddsc
./opsdump

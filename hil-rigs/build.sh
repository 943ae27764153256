#!/usr/bin/env bash
# Builds the host firmware (rig_emu, and rig_emu_npc with the on-device NPC over tests/tendon_standin.c) and the C
# tests of the core (proto_test) with gcc, into an output directory
# (default: ${ROBOTICS_HIL_OUT:-${TMPDIR:-/tmp}/robotics-hil-<hash of this checkout's path>}; nothing built is
# committed). Prints the output directory as the last line. Rebuilds only when a source changed; safe to run
# concurrently (flock). Usage: hil-rigs/build.sh [output-dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
default_out="${TMPDIR:-/tmp}/robotics-hil-$(echo "$here" | sha256sum | cut -c1-12)"
out="${1:-${ROBOTICS_HIL_OUT:-$default_out}}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
exec 9>"$out/.lock"
flock 9
command -v gcc >/dev/null || { echo "build.sh: gcc not found (apt-get install gcc)" >&2; exit 3; }
command -v make >/dev/null || { echo "build.sh: make not found (apt-get install make)" >&2; exit 3; }
stamp="$( (echo "$here"; cat "$here/Makefile" "$here/build.sh" "$here"/common/* "$here"/host/* "$here"/tendon/*.c "$here"/hasel/*.c "$here"/tests/*.c) | sha256sum | cut -c1-16)"
if [[ -f "$out/.stamp" && "$(cat "$out/.stamp")" == "$stamp" && -x "$out/rig_emu" && -x "$out/proto_test" && -x "$out/rig_emu_npc" ]]; then
  echo "$out"; exit 0
fi
rm -f "$out/.stamp"
make -s -C "$here" OUT="$out" all >&2
# The on-device NPC path over a stand-in model in export-c shape (the conformance tests drive it with SETPOINT).
make -s -C "$here" OUT="$out" NPC_MODEL=tests/tendon_standin.c rig_emu_npc >&2
echo "$stamp" > "$out/.stamp"
echo "$out"

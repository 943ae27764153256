#!/usr/bin/env bash
# Acceptance check A8: with the loopback-only Cyclone configuration, two peers on one host discover each other and
# exchange samples, and no DDS packet leaves through a real network interface. Needs root (ip netns, tcpdump).
#   tests/interop/leak-check.sh <peer-dir>       (peer-dir: output of build.sh)
# Builds: netns A holding lo + veth-a (10.99.0.1/24, multicast on) whose peer veth-b sits in netns B; runs a C
# publisher and subscriber in A with CYCLONEDDS_URI=<loopback config>; tcpdump counts UDP packets on veth-a.
# Prints "received=<n> leaked_udp=<n>" and exits 0 when received=3 and leaked_udp=0.
set -euo pipefail
dir="$1"
a="rdds-leak-a-$$"; b="rdds-leak-b-$$"; work="$(mktemp -d)"
cleanup() {
  [[ -n "${dump_pid:-}" ]] && kill "$dump_pid" 2>/dev/null || true
  ip netns del "$a" 2>/dev/null || true
  ip netns del "$b" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$a"; ip netns add "$b"
ip link add veth-a netns "$a" type veth peer name veth-b netns "$b"
ip -n "$a" addr add 10.99.0.1/24 dev veth-a
ip -n "$b" addr add 10.99.0.2/24 dev veth-b
ip -n "$a" link set lo up; ip -n "$a" link set lo multicast on
ip -n "$a" link set veth-a up; ip -n "$a" link set veth-a multicast on
ip -n "$b" link set veth-b up
ip netns exec "$a" tcpdump -i veth-a -n -U -w "$work/veth.pcap" udp 2>/dev/null &
dump_pid=$!
sleep 1
config='<CycloneDDS><Domain Id="any"><General><Interfaces><NetworkInterface name="lo"/></Interfaces><AllowMulticast>false</AllowMulticast></General><Discovery><Peers><Peer address="127.0.0.1"/></Peers><ParticipantIndex>auto</ParticipantIndex></Discovery></Domain></CycloneDDS>'
export CYCLONEDDS_URI="$config" ROS_DOMAIN_ID=210
ip netns exec "$a" "$dir/peer" sub string rt/leak_check 3 --timeout 20 > "$work/sub.out" &
sub_pid=$!
sleep 0.5
ip netns exec "$a" "$dir/peer" pub string rt/leak_check 3 --timeout 20 > "$work/pub.out"
wait "$sub_pid" || true
sleep 1
kill "$dump_pid"; wait "$dump_pid" 2>/dev/null || true; dump_pid=""
received=$(grep -c '^S ' "$work/sub.out" || true)
leaked=$(tcpdump -r "$work/veth.pcap" -n 2>/dev/null | wc -l)
echo "received=$received leaked_udp=$leaked"
[[ "$received" == 3 && "$leaked" == 0 ]]

#!/usr/bin/env bash
# Records one scenario into a pcapng file (or pcap, if the scenario says FORMAT=pcap).
#
#   captures/record/record.sh SCENARIO [OUT]
#
# Everything happens inside network namespaces this script creates (named
# wb-<pid>-client, -server, -router) and removes on exit, even on failure.
# The hosts talk over veth pairs with private addresses that exist only
# between those namespaces (10.77.0.0/16, fd77::/16): no packet ever leaves
# them. The peers are small python3 programs on the real kernel TCP/UDP
# stacks; dumpcap captures on one interface. See README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PEERS=$HERE/peers

usage() {
  cat <<EOF
usage: record.sh SCENARIO [OUT]

Records SCENARIO (a file in $HERE/scenarios/SCENARIO.sh) into OUT
(default: captures/recorded/SCENARIO.pcapng, or the scenario's OUTPUT). Needs root.

Scenarios:
$(cd "$HERE/scenarios" && for f in *.sh; do printf '  %-16s %s\n' "${f%.sh}" "$(sed -n 's/^DESCRIPTION="\(.*\)"$/\1/p' "$f")"; done)
EOF
}

die() { echo "record.sh: $*" >&2; exit 1; }

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then usage; [[ $# -ge 1 ]] && exit 0; exit 2; fi
NAME=$1
SCENARIO_FILE=$HERE/scenarios/$NAME.sh
[[ -f $SCENARIO_FILE ]] || { usage >&2; die "no scenario named '$NAME'"; }
ROOT=$(cd "$HERE/../.." && pwd)
# Test fixtures are not lesson captures: such a scenario names its own home
# with a line OUTPUT="test/fixtures/...", relative to the repository.
SCENARIO_OUTPUT=$(sed -n 's/^OUTPUT="\(.*\)"$/\1/p' "$SCENARIO_FILE")
OUT=${2:-${SCENARIO_OUTPUT:+$ROOT/$SCENARIO_OUTPUT}}
OUT=${OUT:-$ROOT/captures/recorded/$NAME.pcapng}

[[ $EUID -eq 0 ]] || die "recording needs root (network namespaces and packet capture): run it with sudo"

# tool -> Debian package that provides it
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found: install the Debian package '$2' (apt-get install $2)"; }
need ip iproute2
need dumpcap wireshark-common
need nft nftables
need ethtool ethtool
need python3 python3
# The interpreter itself, not a version-manager shim that takes a second to start.
PYTHON=$(python3 -c 'import sys; print(sys.executable)')

# ---------------------------------------------------------------- defaults
# A scenario file may override any of these, and must define scenario_run.
DESCRIPTION=""
TOPOLOGY=pair          # pair: client <-> server; routed: client <-> router <-> server
IPV6=0                 # 1: give every interface an fd77:: address (else IPv6 is off)
TCP_TIMESTAMPS=1       # net.ipv4.tcp_timestamps in client and server
STATIC_NEIGHBOURS=1    # 1: preload ARP/NDP entries so no resolution traffic is captured
CAPTURE_NS=client      # namespace whose interface is captured: client, server, router
CAPTURE_IF=eth0
SNAPLEN=0              # >0: dumpcap keeps only the first SNAPLEN bytes of each frame
LINKTYPE=""            # dumpcap -y, e.g. LINUX_SLL2 with CAPTURE_IF=any (else the interface's default)
FORMAT=pcapng          # pcap: write classic pcap (dumpcap -P)
BUFFER_MB=0            # >0: dumpcap's kernel buffer in MiB (-B), so a long burst is not dropped
MTU=1500

TAG=wb-$$
NS_CLIENT=$TAG-client
NS_SERVER=$TAG-server
NS_ROUTER=$TAG-router
WORK=$(mktemp -d "${TMPDIR:-/tmp}/$TAG.XXXXXX")
BG_PIDS=()
DUMPCAP_PID=

cleanup() {
  local rc=$?
  set +e
  for pid in "${BG_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [[ -n $DUMPCAP_PID ]] && kill "$DUMPCAP_PID" 2>/dev/null
  for ns in "$NS_CLIENT" "$NS_SERVER" "$NS_ROUTER"; do
    if [[ -e /run/netns/$ns ]]; then
      # Only processes started by this run can live in these namespaces.
      for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null; done
      ip netns del "$ns" 2>/dev/null
    fi
  done
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- helpers for scenario files
on_client() { ip netns exec "$NS_CLIENT" "$@"; }
on_server() { ip netns exec "$NS_SERVER" "$@"; }
on_router() { ip netns exec "$NS_ROUTER" "$@"; }

# peer NS PROGRAM ARGS...: run a peer program in the foreground.
peer() { local ns=$1 prog=$2; shift 2; ip netns exec "$TAG-$ns" "$PYTHON" "$PEERS/$prog" "$@"; }

# peer_bg NS PROGRAM ARGS...: start a peer in the background; waits until it
# prints "ready" (servers) or just starts it (clients). Its log is in $WORK.
peer_bg() {
  local ns=$1 prog=$2; shift 2
  local log=$WORK/${ns}-${prog%.py}-${#BG_PIDS[@]}.log
  ip netns exec "$TAG-$ns" "$PYTHON" "$PEERS/$prog" "$@" >"$log" 2>&1 &
  BG_PIDS+=($!)
  LAST_PID=$!
  LAST_LOG=$log
}
# wait_ready [WORD]: wait (5 s at most) until the last peer_bg prints a line
# starting with WORD (default "ready"; clients print "connected").
wait_ready() {
  local i word=${1:-ready}
  for i in $(seq 100); do
    grep -q "^$word" "$LAST_LOG" 2>/dev/null && return 0
    kill -0 "$LAST_PID" 2>/dev/null || { cat "$LAST_LOG" >&2; die "peer exited before it was ready"; }
    sleep 0.05
  done
  cat "$LAST_LOG" >&2; die "peer did not print '$word' within 5 s"
}
# wait_peers: wait for every background peer; fail if one failed.
wait_peers() {
  local pid failed=0
  for pid in "${BG_PIDS[@]}"; do wait "$pid" || failed=1; done
  BG_PIDS=()
  if [[ $failed -ne 0 ]]; then cat "$WORK"/*.log >&2; die "a peer failed"; fi
}
# router_rule RULE...: add a rule to the router's forward chain (nftables syntax).
router_rule() { on_router nft add rule inet wb forward "$@"; }
router_flush() { on_router nft flush chain inet wb forward; }

# ---------------------------------------------------------------- topology
# sysctls that keep captures to the scenario's own traffic
ns_prepare() {
  local ns=$1
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  local v6off=$(( IPV6 ? 0 : 1 ))
  ip netns exec "$ns" sh -c "
    sysctl -qw net.ipv6.conf.all.disable_ipv6=$v6off net.ipv6.conf.default.disable_ipv6=$v6off
    sysctl -qw net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.default.dad_transmits=0
    sysctl -qw net.ipv6.conf.default.router_solicitations=0 net.ipv6.conf.default.accept_ra=0
    sysctl -qw net.ipv4.tcp_timestamps=$TCP_TIMESTAMPS
  "
}

# link NS_A IF_A MAC_A NS_B IF_B MAC_B: a veth pair with real checksums and MSS-sized segments
link() {
  local ns_a=$1 if_a=$2 mac_a=$3 ns_b=$4 if_b=$5 mac_b=$6
  ip link add name "$if_a" netns "$ns_a" address "$mac_a" mtu "$MTU" type veth \
    peer name "$if_b" netns "$ns_b" address "$mac_b" mtu "$MTU"
  # No offloads: the kernel fills in every checksum and cuts real MSS-sized segments.
  ip netns exec "$ns_a" ethtool -K "$if_a" tx off rx off tso off gso off gro off >/dev/null
  ip netns exec "$ns_b" ethtool -K "$if_b" tx off rx off tso off gso off gro off >/dev/null
  ip -n "$ns_a" link set "$if_a" up
  ip -n "$ns_b" link set "$if_b" up
}

# addr NS IF IPV4/LEN IPV6/LEN
addr() {
  ip -n "$1" addr add "$3" dev "$2"
  if [[ $IPV6 -eq 1 ]]; then ip -n "$1" -6 addr add "$4" dev "$2" nodad; fi
}

# neighbour NS IF IPV4 IPV6 MAC: preload a permanent ARP/NDP entry
neighbour() {
  [[ $STATIC_NEIGHBOURS -eq 1 ]] || return 0
  ip -n "$1" neigh replace "$3" lladdr "$5" dev "$2" nud permanent
  if [[ $IPV6 -eq 1 ]]; then ip -n "$1" -6 neigh replace "$4" lladdr "$5" dev "$2" nud permanent; fi
}

MAC_CLIENT=02:77:00:00:00:01
MAC_SERVER=02:77:00:00:00:02
MAC_ROUTER_C=02:77:00:00:01:fe
MAC_ROUTER_S=02:77:00:00:02:fe

setup_pair() {
  CLIENT4=10.77.0.1 SERVER4=10.77.0.2 CLIENT6=fd77::1 SERVER6=fd77::2
  ns_prepare "$NS_CLIENT"; ns_prepare "$NS_SERVER"
  link "$NS_CLIENT" eth0 $MAC_CLIENT "$NS_SERVER" eth0 $MAC_SERVER
  addr "$NS_CLIENT" eth0 $CLIENT4/24 $CLIENT6/64
  addr "$NS_SERVER" eth0 $SERVER4/24 $SERVER6/64
  neighbour "$NS_CLIENT" eth0 $SERVER4 $SERVER6 $MAC_SERVER
  neighbour "$NS_SERVER" eth0 $CLIENT4 $CLIENT6 $MAC_CLIENT
}

setup_routed() {
  CLIENT4=10.77.1.1 SERVER4=10.77.2.2 CLIENT6=fd77:1::1 SERVER6=fd77:2::2
  local R1_4=10.77.1.254 R2_4=10.77.2.254 R1_6=fd77:1::fe R2_6=fd77:2::fe
  ns_prepare "$NS_CLIENT"; ns_prepare "$NS_SERVER"; ns_prepare "$NS_ROUTER"
  on_router sysctl -qw net.ipv4.ip_forward=1
  [[ $IPV6 -eq 1 ]] && on_router sysctl -qw net.ipv6.conf.all.forwarding=1
  link "$NS_CLIENT" eth0 $MAC_CLIENT "$NS_ROUTER" eth0 $MAC_ROUTER_C
  link "$NS_SERVER" eth0 $MAC_SERVER "$NS_ROUTER" eth1 $MAC_ROUTER_S
  addr "$NS_CLIENT" eth0 $CLIENT4/24 $CLIENT6/64
  addr "$NS_ROUTER" eth0 $R1_4/24 $R1_6/64
  addr "$NS_ROUTER" eth1 $R2_4/24 $R2_6/64
  addr "$NS_SERVER" eth0 $SERVER4/24 $SERVER6/64
  ip -n "$NS_CLIENT" route add default via $R1_4
  ip -n "$NS_SERVER" route add default via $R2_4
  if [[ $IPV6 -eq 1 ]]; then
    ip -n "$NS_CLIENT" -6 route add default via $R1_6
    ip -n "$NS_SERVER" -6 route add default via $R2_6
  fi
  neighbour "$NS_CLIENT" eth0 $R1_4 $R1_6 $MAC_ROUTER_C
  neighbour "$NS_ROUTER" eth0 $CLIENT4 $CLIENT6 $MAC_CLIENT
  neighbour "$NS_ROUTER" eth1 $SERVER4 $SERVER6 $MAC_SERVER
  neighbour "$NS_SERVER" eth0 $R2_4 $R2_6 $MAC_ROUTER_S
  # The forward chain scenarios add drop rules to.
  on_router nft add table inet wb
  on_router nft add chain inet wb forward '{ type filter hook forward priority 0; policy accept; }'
}

# ---------------------------------------------------------------- run
# shellcheck source=/dev/null
source "$SCENARIO_FILE"
declare -F scenario_run >/dev/null || die "$SCENARIO_FILE does not define scenario_run"

case $TOPOLOGY in
  pair) setup_pair ;;
  routed) setup_routed ;;
  *) die "unknown TOPOLOGY '$TOPOLOGY' (pair or routed)" ;;
esac
export CLIENT4 SERVER4 CLIENT6 SERVER6
# An optional scenario_setup adds to the topology (VLAN links, routes) before capturing.
if declare -F scenario_setup >/dev/null; then scenario_setup; fi

# Let link-up chatter (IPv6 multicast listener reports) pass before capturing.
sleep 1.5

TMP_OUT=$WORK/capture.pcapng
SNAP_ARGS=()
[[ $SNAPLEN -gt 0 ]] && SNAP_ARGS=(-s "$SNAPLEN")
[[ -n $LINKTYPE ]] && SNAP_ARGS+=(-y "$LINKTYPE")
[[ $FORMAT == pcap ]] && SNAP_ARGS+=(-P)
[[ $BUFFER_MB -gt 0 ]] && SNAP_ARGS+=(-B "$BUFFER_MB")
ip netns exec "$TAG-$CAPTURE_NS" dumpcap -i "$CAPTURE_IF" "${SNAP_ARGS[@]}" -w "$TMP_OUT" >"$WORK/dumpcap.log" 2>&1 &
DUMPCAP_PID=$!
for _ in $(seq 100); do
  grep -q '^Capturing on' "$WORK/dumpcap.log" 2>/dev/null && break
  kill -0 $DUMPCAP_PID 2>/dev/null || { cat "$WORK/dumpcap.log" >&2; die "dumpcap failed to start"; }
  sleep 0.05
done
sleep 0.3

echo "record.sh: $NAME: recording on $CAPTURE_NS:$CAPTURE_IF" >&2
scenario_run
wait_peers

sleep 0.3
# A long burst can leave dumpcap behind, with packets still in its kernel
# buffer that an interrupt would discard: wait until the file stops growing.
if [[ $BUFFER_MB -gt 0 ]]; then
  last=-1
  while size=$(stat -c %s "$TMP_OUT" 2>/dev/null || echo 0); [[ $size -ne $last ]]; do last=$size; sleep 1; done
fi
kill -INT $DUMPCAP_PID
wait $DUMPCAP_PID || true
DUMPCAP_PID=
grep -E '^Packets' "$WORK/dumpcap.log" >&2 || true

mkdir -p "$(dirname "$OUT")"
cp "$TMP_OUT" "$OUT"
chmod 644 "$OUT"
echo "record.sh: wrote $OUT ($(stat -c %s "$OUT") bytes)" >&2

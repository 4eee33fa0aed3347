# Congestion control read from a real trace: a 1.5 MB upload with CUBIC
# through a router that gives the path a bottleneck and a round-trip time.
# The router holds every forwarded packet for 20 ms each way in a user-space
# relay on a TUN device (peers/delay_relay.py: sch_netem is not available on
# every kernel), then sends the server-bound ones through a token bucket of
# 8 Mbit/s whose queue holds 24 kB (tc tbf): the bandwidth-delay product is
# about 40 kB, and a window larger than that and the queue together loses
# packets at the tail of the queue. After 0.7 s nftables drops everything
# the client sends for 0.6 s, so the sender's retransmission timer expires
# (twice: the first resend is lost too) and it starts again from one segment.
# The client (the sender) uses CUBIC (its namespace's default where the
# host allows it, and TCP_CONGESTION on its socket);
# captured at the client with a 96-byte snap length (headers only).
DESCRIPTION="1.5 MB upload with CUBIC over a 8 Mbit/s, 40 ms path: slow start, loss, recovery, RTO"
TOPOLOGY=routed
SNAPLEN=96
CONGESTION=cubic
RATE=8mbit
QUEUE_BYTES=24000
ONE_WAY_MS=20
RELAYS=()

scenario_setup() {
  # A namespace may only default to an algorithm the host's
  # net.ipv4.tcp_allowed_congestion_control lists; the socket option
  # (TCP_CONGESTION, root may pick any loaded one) applies either way.
  on_client sysctl -qw net.ipv4.tcp_congestion_control=$CONGESTION 2>/dev/null ||
    echo "tcp-$CONGESTION: the host does not allow $CONGESTION as a namespace default; set on the client's socket" >&2
  # Forwarded packets go into tun0 (table 100); the relay writes them back
  # after the delay, and from tun0 the main table's connected routes apply.
  on_router ip tuntap add dev tun0 mode tun
  on_router sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
  on_router ip link set tun0 up
  on_router sysctl -qw net.ipv4.conf.tun0.rp_filter=0
  on_router ip route add "${CLIENT4%.*}.0/24" dev tun0 table 100
  on_router ip route add "${SERVER4%.*}.0/24" dev tun0 table 100
  on_router ip rule add iif eth0 lookup 100
  on_router ip rule add iif eth1 lookup 100
  local log=$WORK/relay.log
  on_router "$PYTHON" "$PEERS/delay_relay.py" tun0 $ONE_WAY_MS >"$log" 2>&1 &
  RELAYS+=($!)
  LAST_PID=$! LAST_LOG=$log
  wait_ready
  # The bottleneck: towards the server, RATE with a queue of QUEUE_BYTES.
  on_router tc qdisc add dev eth1 root tbf rate $RATE burst 3000 limit $QUEUE_BYTES
}

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER4" 5005 recvall close
  wait_ready
  peer_bg client tcp_peer.py connect "$SERVER4" 5005 --congestion $CONGESTION send=1500000 shutdown recvall close
  wait_ready connected
  sleep 0.7
  router_rule iifname eth0 ip saddr "$CLIENT4" drop
  sleep 0.6
  router_flush
  local client_log=$LAST_LOG
  wait_peers
  grep -q "^congestion $CONGESTION\$" "$client_log" || die "the client did not send with $CONGESTION"
  kill "${RELAYS[@]}"
}

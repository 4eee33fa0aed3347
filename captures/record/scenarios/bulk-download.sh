# A benchmark recording, not a lesson capture: a 1 GB HTTP/1.1 download
# between the two namespaces, captured at the client (the receiver) as
# classic pcap with a 128-byte snap length, so every frame keeps its
# Ethernet, IPv4 and TCP headers (with the timestamps option) and is cut in
# the payload. Linux TCP as shipped: timestamps on, window scaling, delayed
# ACKs. The sender's congestion control is cubic (these kernels default to
# bbr, which paces differently): set in the server's namespace where the host
# allows it (a namespace may only pick algorithms listed in the host's
# net.ipv4.tcp_allowed_congestion_control), and always on the server's socket
# (TCP_CONGESTION, which root may set to any loaded algorithm). About
# 714,000 frames and 101 MB: too big to commit, so it goes to .cache/bench/
# (ignored by git), where `npm run bench` reads it.
DESCRIPTION="benchmark: 1 GB HTTP download, pcap, snap length 128, cubic (to .cache/bench/)"
OUTPUT=".cache/bench/bulk-download.pcap"
TOPOLOGY=pair
FORMAT=pcap
SNAPLEN=128
BUFFER_MB=256
CONGESTION_CONTROL=cubic
BYTES=1000000000

scenario_setup() {
  on_server sysctl -qw net.ipv4.tcp_congestion_control="$CONGESTION_CONTROL" 2>/dev/null ||
    echo "bulk-download: the host does not allow $CONGESTION_CONTROL as a namespace default; set on the server's socket" >&2
}

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER4" 80 --congestion "$CONGESTION_CONTROL" recvhttp sendhttp="$BYTES" recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER4" 80 sendfile=http-get.txt recvhttp close
  grep -q "^congestion $CONGESTION_CONTROL\$" "$LAST_LOG" || die "the server did not send with $CONGESTION_CONTROL"
}

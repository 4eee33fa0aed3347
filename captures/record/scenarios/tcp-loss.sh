# A 300 kB upload through a router that drops 3 % of forwarded packets at
# random: retransmissions, duplicate ACKs with SACK blocks, fast retransmits.
# Captured at the sender (the client), so every original and every
# retransmission is on the wire in the capture.
DESCRIPTION="300 kB upload through a router dropping 3 % of packets: retransmissions, dup ACKs, SACK"
TOPOLOGY=routed

scenario_run() {
  router_rule meta l4proto tcp numgen random mod 100 '<' 3 drop
  peer_bg server tcp_peer.py listen "$SERVER4" 5002 recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER4" 5002 send=300000 shutdown recvall close
}

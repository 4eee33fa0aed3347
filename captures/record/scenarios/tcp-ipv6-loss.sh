# The tcp-loss upload over IPv6: 300 kB through a router that drops 3 % of
# forwarded TCP packets at random. Captured at the sender (the client), so
# every original and every retransmission is on the wire in the capture.
DESCRIPTION="300 kB upload over IPv6 through a router dropping 3 % of packets"
TOPOLOGY=routed
IPV6=1

scenario_run() {
  router_rule meta l4proto tcp numgen random mod 100 '<' 3 drop
  peer_bg server tcp_peer.py listen "$SERVER6" 5002 recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER6" 5002 send=300000 shutdown recvall close
}

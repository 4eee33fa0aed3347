# Lost ACKs: the server sends 38 bytes (like the report's TLS record); the
# client's ACKs are dropped by the router for ~2 s, so the server retransmits
# data the client already has. Captured at the client, which sees each copy
# arrive after it acknowledged the data (spurious retransmissions) and answers
# with a D-SACK block below its ACK (RFC 2883).
DESCRIPTION="ACKs lost on the router: spurious retransmissions answered with D-SACK"
TOPOLOGY=routed

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER4" 4433 --nodelay sleep=1 send=38 recv=5 send=38 recvall close
  wait_ready
  peer_bg client tcp_peer.py connect "$SERVER4" 4433 --nodelay recv=38 sleep=4 send=5 recv=38 close
  wait_ready connected
  router_rule ip saddr "$CLIENT4" tcp dport 4433 drop
  sleep 2.3
  router_flush
  wait_peers
}

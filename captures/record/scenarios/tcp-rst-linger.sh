# Abortive close: after a short exchange the client closes with SO_LINGER
# {on, 0}, so the kernel discards the connection and sends RST instead of FIN.
DESCRIPTION="abortive close with SO_LINGER 0: RST instead of FIN"
TOPOLOGY=pair

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER4" 5005 recv=5 send=5 recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER4" 5005 send=5 recv=5 sleep=0.2 abort
}

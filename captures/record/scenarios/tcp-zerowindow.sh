# A receiver that stops reading: the client asks for a tiny receive buffer and
# sleeps while the server sends 32 kB. The window shrinks to zero, the server
# probes it with growing gaps, then the client reads and the window reopens.
DESCRIPTION="receiver stops reading: window full, zero window, probes, window update"
TOPOLOGY=pair

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER4" 5003 send=32768 recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER4" 5003 --rcvbuf 2048 sleep=3.5 recv=32768 close
}

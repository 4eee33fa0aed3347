# An idle connection with keep-alive after 1 s idle, then every 1 s: each probe
# is an ACK one byte behind (seq = SND.NXT - 1), answered by a plain ACK.
DESCRIPTION="idle connection with TCP keep-alives every second, then a normal close"
TOPOLOGY=pair

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER4" 5004 recv=6 send=6 recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER4" 5004 --keepalive 1,1,5 send=6 recv=6 sleep=4.5 close
}

# A half-close: the client sends its request and shuts down its sending side
# (FIN) at once, then keeps reading; the server answers with two chunks of data
# after the client's FIN, and only then closes its own side. Between the two
# FINs the connection is half-closed (client FIN-WAIT-2, server CLOSE-WAIT)
# and data still flows from server to client. After the last ACK the client's
# socket sits in TIME-WAIT: `ss` shows it, with its timer, once the peers end.
DESCRIPTION="half-close: client FIN first, server still sends data, then closes; TIME-WAIT shown by ss"
TOPOLOGY=pair
TCP_TIMESTAMPS=0

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER4" 5005 --nodelay recvall sleep=0.2 send=1000 sleep=0.2 send=1000 sleep=0.2 close
  wait_ready
  peer client tcp_peer.py connect "$SERVER4" 5005 --nodelay send=100 shutdown recvall close
  wait_peers
  # The connection's socket on the side that closed first waits in TIME-WAIT.
  on_client ss -tano state time-wait >&2
}

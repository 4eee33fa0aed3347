# The report's HTTP exchange: handshake, a 213-byte GET, a 4606-byte response
# (1460 + 1460 + 1460 + 226 with MSS 1460: no timestamps, like the report's
# Windows client), then FIN both ways.
DESCRIPTION="TCP handshake, HTTP/1.1 GET, 4606-byte response in 4 segments, FIN both ways"
TOPOLOGY=pair
TCP_TIMESTAMPS=0

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER4" 80 --nodelay recvhttp sendfile=http-response.txt recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER4" 80 sendfile=http-get.txt recvhttp sleep=0.2 close
}

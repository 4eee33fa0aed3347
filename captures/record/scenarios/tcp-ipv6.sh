# The tcp-http exchange over IPv6 (MSS 1440: the IPv6 header is 20 bytes longer).
DESCRIPTION="the tcp-http exchange over IPv6"
TOPOLOGY=pair
IPV6=1
TCP_TIMESTAMPS=0

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER6" 80 --nodelay recvhttp sendfile=http-response.txt recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER6" 80 sendfile=http-get.txt recvhttp sleep=0.2 close
}

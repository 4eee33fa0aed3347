# A short exchange captured with a snap length of 64 bytes: each frame keeps
# its Ethernet, IPv4 and TCP headers and the first 10 bytes of the TCP
# options. The SYN and SYN-ACK lose their options after MSS and SACK
# permitted (the timestamps option is cut, window scale never appears), so the
# capture cannot say whether window scaling is in use.
DESCRIPTION="TCP exchange captured with a 64-byte snap length: options cut before window scale"
TOPOLOGY=pair
SNAPLEN=64

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER4" 5006 recv=200 send=300 recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER4" 5006 send=200 recv=300 close
}

# A short TCP exchange captured on the pseudo-interface "any" inside the
# client's namespace: Linux cooked capture v2 (LINKTYPE_LINUX_SLL2) instead of
# Ethernet, so each frame carries the interface index, the packet type
# (sent by us or to us) and the link-layer address in place of MAC headers.
DESCRIPTION="a short TCP exchange captured on 'any' (Linux cooked capture v2)"
TOPOLOGY=pair
CAPTURE_IF=any
LINKTYPE=LINUX_SLL2

scenario_run() {
  peer_bg server tcp_peer.py listen "$SERVER4" 5003 recv=200 send=300 recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER4" 5003 send=200 recv=300 close
}

# A transfer over an 802.1Q VLAN (ID 77), captured on the client's veth, so
# every frame carries its 4-byte tag. Kernels without 8021q support cannot
# make a VLAN sub-interface, so each host's IP stack sits on a tap device
# (10.78.0.1 and 10.78.0.2, the veth ends' MAC addresses) and
# peers/vlan_relay.py moves its frames to and from the veth, adding and
# removing the tag: on the wire it is what a VLAN sub-interface sends.
DESCRIPTION="a 20 kB transfer over an 802.1Q VLAN (ID 77), captured on the parent interface"
TOPOLOGY=pair

VLAN_ID=77
VLAN_CLIENT4=10.78.0.1
VLAN_SERVER4=10.78.0.2
RELAYS=()

# vlan_host NS MAC ADDR PEER_ADDR PEER_MAC: the tap, its address, and the relay
vlan_host() {
  local ns=$TAG-$1 mac=$2 addr=$3 peer_addr=$4 peer_mac=$5 log=$WORK/relay-$1.log
  ip -n "$ns" tuntap add dev tap0 mode tap
  ip -n "$ns" link set tap0 address "$mac" mtu "$MTU"
  ip netns exec "$ns" ethtool -K tap0 tx off rx off tso off gso off gro off >/dev/null 2>&1 || true
  ip netns exec "$ns" "$PYTHON" "$PEERS/vlan_relay.py" tap0 eth0 $VLAN_ID >"$log" 2>&1 &
  RELAYS+=($!)
  LAST_PID=$! LAST_LOG=$log
  wait_ready
  ip -n "$ns" link set tap0 up
  ip -n "$ns" addr add "$addr/24" dev tap0
  ip -n "$ns" neigh replace "$peer_addr" lladdr "$peer_mac" dev tap0 nud permanent
}

scenario_setup() {
  vlan_host client $MAC_CLIENT $VLAN_CLIENT4 $VLAN_SERVER4 $MAC_SERVER
  vlan_host server $MAC_SERVER $VLAN_SERVER4 $VLAN_CLIENT4 $MAC_CLIENT
}

scenario_run() {
  peer_bg server tcp_peer.py listen "$VLAN_SERVER4" 5004 recvall close
  wait_ready
  peer client tcp_peer.py connect "$VLAN_SERVER4" 5004 send=20000 shutdown recvall close
  wait_peers
  kill "${RELAYS[@]}"
}

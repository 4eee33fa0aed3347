# A traceroute walk through two routers, and MSS clamping. The routed
# topology gets a second router R2 on a new branch: client -> router (R) ->
# R2 -> server, the server reached at 10.77.4.2, and the link between R and
# R2 carries 1280 bytes at most. UDP probes to ports 33434-33436 with TTL 1,
# 2 and 3 bring time exceeded from R, then from R2, then port unreachable
# from the server. Both routers clamp the MSS of the SYNs they forward to
# their route's MTU (nftables "maxseg size set rt mtu"), so a TCP connection
# that both ends open with MSS 1460 carries segments of 1240 bytes.
DESCRIPTION="traceroute walk through two routers, then a TCP connection with MSS clamping"
TOPOLOGY=routed
TCP_TIMESTAMPS=0

NS_ROUTER2=$TAG-router2
SERVER_FAR=10.77.4.2
CLAMP='tcp flags & (syn | rst) == syn tcp option maxseg size set rt mtu'

scenario_setup() {
  # record.sh's cleanup knows three namespaces; remove the fourth first.
  trap 'rc=$?; ip netns del "$NS_ROUTER2" 2>/dev/null; (exit $rc); cleanup' EXIT
  ns_prepare "$NS_ROUTER2"
  ip netns exec "$NS_ROUTER2" sysctl -qw net.ipv4.ip_forward=1
  # R eth2 <-> R2 eth0 (MTU 1280), R2 eth1 <-> server eth1.
  link "$NS_ROUTER" eth2 02:77:00:00:03:fe "$NS_ROUTER2" eth0 02:77:00:00:03:01
  link "$NS_ROUTER2" eth1 02:77:00:00:04:fe "$NS_SERVER" eth1 02:77:00:00:04:02
  on_router ip link set eth2 mtu 1280
  ip -n "$NS_ROUTER2" link set eth0 mtu 1280
  addr "$NS_ROUTER" eth2 10.77.3.254/24 -
  addr "$NS_ROUTER2" eth0 10.77.3.1/24 -
  addr "$NS_ROUTER2" eth1 10.77.4.254/24 -
  addr "$NS_SERVER" eth1 $SERVER_FAR/24 -
  on_router ip route add 10.77.4.0/24 via 10.77.3.1
  ip -n "$NS_ROUTER2" route add default via 10.77.3.254
  on_server ip route add 10.77.1.0/24 via 10.77.4.254 dev eth1
  neighbour "$NS_ROUTER" eth2 10.77.3.1 - 02:77:00:00:03:01
  neighbour "$NS_ROUTER2" eth0 10.77.3.254 - 02:77:00:00:03:fe
  neighbour "$NS_ROUTER2" eth1 $SERVER_FAR - 02:77:00:00:04:02
  neighbour "$NS_SERVER" eth1 10.77.4.254 - 02:77:00:00:04:fe
  # MSS clamping on both routers, in the forward chain.
  router_rule $CLAMP
  ip netns exec "$NS_ROUTER2" nft add table inet wb
  ip netns exec "$NS_ROUTER2" nft add chain inet wb forward '{ type filter hook forward priority 0; policy accept; }'
  ip netns exec "$NS_ROUTER2" nft add rule inet wb forward $CLAMP
}

scenario_run() {
  peer client icmp_probe.py udp "$SERVER_FAR" 33434 --ttl 1
  peer client icmp_probe.py udp "$SERVER_FAR" 33435 --ttl 2
  peer client icmp_probe.py udp "$SERVER_FAR" 33436 --ttl 3
  peer_bg server tcp_peer.py listen "$SERVER_FAR" 5002 recv=3000 send=3000 recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER_FAR" 5002 send=3000 recv=3000 close
}

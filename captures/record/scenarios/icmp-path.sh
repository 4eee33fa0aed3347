# What ICMP says about the path, through one router whose server-side link
# has an MTU of 1280: an echo request with TTL 1 (the router answers time
# exceeded), TTL 2 (the server answers), a UDP datagram to a closed port
# (port unreachable), a 1400-byte echo with DF set (the router answers
# "fragmentation needed", next-hop MTU 1280, RFC 1191), and the same over
# IPv6 (Packet Too Big, MTU 1280, RFC 8201).
DESCRIPTION="TTL walk, port unreachable, fragmentation needed and Packet Too Big"
TOPOLOGY=routed
IPV6=1

scenario_setup() {
  on_router ip link set eth1 mtu 1280
  on_server ip link set eth0 mtu 1280
}

scenario_run() {
  peer client icmp_probe.py echo "$SERVER4" --ttl 1
  peer client icmp_probe.py echo "$SERVER4" --ttl 2
  peer client icmp_probe.py udp "$SERVER4" 33434
  peer client icmp_probe.py echo "$SERVER4" --size 1372 --df
  peer client icmp_probe.py echo "$SERVER6" --size 1352
}

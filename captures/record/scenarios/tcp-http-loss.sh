# HTTP/1.1 downloads through a lossy, reordering router, captured at the
# client (the receiver): three responses on one keep-alive connection, then a
# second connection with one more. The router drops 3 % of the server's
# packets at random (nftables numgen) and holds back about one in 64 of them
# for a few milliseconds (an HTB class at 4 Mbit/s picked by the IP ID), so
# later segments overtake it. Lost segments appear only as retransmissions.
# The handshake's SYN is also put in a slow class (drained by one UDP datagram
# on the server side, which the client never sees) to lengthen the initial
# RTT; in the committed recording it stayed at 0.07 ms all the same, and
# tshark still flags three held-back segments out of order.
DESCRIPTION="HTTP downloads (4 responses, 2 connections) through a router that drops and reorders"
TOPOLOGY=routed

# slow_class IF RATE FILTER...: an HTB qdisc on the router's IF whose class 1:20
# (at RATE) gets the packets of each u32 FILTER; everything else passes at once.
slow_class() {
  local dev=$1 rate=$2; shift 2
  on_router tc qdisc add dev "$dev" root handle 1: htb default 10 r2q 1000
  on_router tc class add dev "$dev" parent 1: classid 1:10 htb rate 10gbit
  on_router tc class add dev "$dev" parent 1: classid 1:20 htb rate "$rate" ceil "$rate" burst 1514 cburst 1514
  local f
  for f in "$@"; do
    # shellcheck disable=SC2086
    on_router tc filter add dev "$dev" parent 1: protocol ip prio 1 u32 $f flowid 1:20
  done
}

# One UDP datagram from the router to the server empties the slow class's
# bucket, so the next SYN waits in it.
drain() {
  on_router "$PYTHON" -c "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x' * 1400, ('$SERVER4', 9))"
}

scenario_run() {
  # Towards the server: UDP and SYNs (TCP flags byte 0x02) are slow.
  slow_class eth1 1mbit "match ip protocol 17 0xff" "match ip protocol 6 0xff match u8 0x02 0xff at 33"
  # Towards the client: TCP packets whose IP ID ends in 000101 are held back.
  slow_class eth0 4mbit "match ip protocol 6 0xff match u16 0x0005 0x003f at 4"
  router_rule ip saddr "$SERVER4" meta l4proto tcp numgen random mod 100 '<' 3 drop

  peer_bg server tcp_peer.py listen "$SERVER4" 80 recvhttp sendhttp=120000 recvhttp sendhttp=60000 recvhttp sendhttp=90000 recvall close
  wait_ready
  drain
  peer client tcp_peer.py connect "$SERVER4" 80 sendfile=http-get.txt recvhttp sendfile=http-get.txt recvhttp sendfile=http-get.txt recvhttp close
  wait_peers

  peer_bg server tcp_peer.py listen "$SERVER4" 80 recvhttp sendhttp=50000 recvall close
  wait_ready
  drain
  peer client tcp_peer.py connect "$SERVER4" 80 sendfile=http-get.txt recvhttp close
}

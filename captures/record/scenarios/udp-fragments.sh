# Datagrams larger than the 1500-byte MTU, sent as IP fragments: a 4000-byte
# UDP datagram and its echo over IPv4 (the kernel fragments it, DF clear), the
# same over IPv6 (the sending host fragments it with a Fragment header), and a
# 2000-byte ICMP echo request and reply. tshark reassembles each datagram in
# the frame carrying its last fragment.
DESCRIPTION="UDP and ICMP datagrams over the MTU, fragmented over IPv4 and IPv6"
TOPOLOGY=pair
IPV6=1

scenario_run() {
  peer_bg server udp_echo.py serve "$SERVER4" 5008 1
  wait_ready
  peer client udp_echo.py send "$SERVER4" 5008 4000
  peer_bg server udp_echo.py serve "$SERVER6" 5008 1
  wait_ready
  peer client udp_echo.py send "$SERVER6" 5008 3000
  peer client icmp_echo.py "$SERVER4" 1 2000
}

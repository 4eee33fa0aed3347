# First contact: with empty neighbour caches, the client's ping needs the
# server's MAC, so it broadcasts an ARP request and the server replies. Then
# the server broadcasts an ARP probe and a gratuitous ARP announcement for its
# own address (RFC 5227), as a host does when it takes an address.
DESCRIPTION="first-contact ARP request and reply, then an ARP probe and a gratuitous announcement"
TOPOLOGY=pair
STATIC_NEIGHBOURS=0

scenario_run() {
  on_client ip neigh flush dev eth0
  on_server ip neigh flush dev eth0
  peer client icmp_echo.py "$SERVER4" 1
  sleep 0.5
  peer server arp_send.py eth0 probe "$SERVER4"
  sleep 0.5
  peer server arp_send.py eth0 announce "$SERVER4"
}

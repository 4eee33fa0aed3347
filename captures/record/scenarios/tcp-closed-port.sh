# Connecting to a port with no listener: the SYN is answered by RST, ACK
# (RFC 9293 3.10.7.1), and connect() fails with "connection refused".
DESCRIPTION="SYN to a port with no listener, answered by RST, ACK"
TOPOLOGY=pair

scenario_run() {
  peer client tcp_peer.py connect "$SERVER4" 8081 --expect-refused
}

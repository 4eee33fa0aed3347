# A test fixture, not a lesson capture: names and headers made of HTML markup,
# so tests can check that pages print what a capture says as text and never
# run it. Two DNS queries over UDP whose first label is markup, each answered
# with an A record whose owner is a compression pointer to the question; then
# one HTTP/1.1 GET on port 80 with markup in User-Agent and X-Note, answered
# 200 OK with markup in Server and a small text/html body holding a script.
# OUTPUT sends it to test/fixtures/captures/, never to captures/recorded/.
DESCRIPTION="test fixture: markup in DNS query names and HTTP headers (output goes to test/fixtures/captures)"
OUTPUT="test/fixtures/captures/hostile-names.pcapng"
TOPOLOGY=pair
TCP_TIMESTAMPS=0

scenario_run() {
  peer_bg server hostile_dns.py serve "$SERVER4" 2
  wait_ready
  peer client hostile_dns.py ask "$SERVER4" '<script>alert(1)</script>.example.com' '<img src=x onerror=alert(2)>.example.com'
  sleep 0.2
  peer_bg server tcp_peer.py listen "$SERVER4" 80 --nodelay recvhttp sendfile=hostile-response.txt recvall close
  wait_ready
  peer client tcp_peer.py connect "$SERVER4" 80 sendfile=hostile-get.txt recvhttp sleep=0.2 close
}

# DNS over UDP: a stub resolver asks a tiny responder three questions.
DESCRIPTION="DNS queries over UDP: A via CNAME, AAAA via CNAME, NXDOMAIN with SOA"
TOPOLOGY=pair

scenario_run() {
  peer_bg server dns_responder.py "$SERVER4" 53 3
  wait_ready
  peer client dns_client.py "$SERVER4" www.example.com/A www.example.com/AAAA missing.example.com/A
}

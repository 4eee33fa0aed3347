# The tcp-cubic recording with BBR as the sender's congestion control: the
# same 1.5 MB upload over the same path (20 ms each way in the router's TUN
# relay, 8 Mbit/s through a tbf queue of 24 kB) and the same 0.6 s outage
# after 0.7 s, so the two captures differ only in how the sender paces and
# sizes its window. BBR is allowed as a namespace default on these hosts.
DESCRIPTION="the tcp-cubic upload and path with BBR: pacing at the measured rate, no halving on loss"
# shellcheck source=/dev/null
source "$HERE/scenarios/tcp-cubic.sh"
DESCRIPTION="the tcp-cubic upload and path with BBR: pacing at the measured rate, no halving on loss"
CONGESTION=bbr

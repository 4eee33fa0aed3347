import struct
def csum(b):
    if len(b)%2: b+=b'\0'
    s=sum(struct.unpack('>%dH'%(len(b)//2),b))
    while s>>16: s=(s&0xffff)+(s>>16)
    return (~s)&0xffff
A=bytes([10,0,0,1]); B=bytes([10,0,0,2])
A6=bytes.fromhex('fe800000000000000000000000000001'); B6=bytes.fromhex('20010db8000000000000000000000002')
MA=bytes.fromhex('020000000001'); MB=bytes.fromhex('020000000002')
def ip4(proto,payload,src=A,dst=B,opts=b'',ihl=None,flags=0x4000,tot=None,badsum=False,ttl=64,ident=0x1234,tos=0):
    hl=20+len(opts); ihl=ihl if ihl is not None else hl//4
    h=struct.pack('>BBHHHBBH4s4s',0x40|ihl,tos,tot if tot is not None else hl+len(payload),ident,flags,ttl,proto,0,src,dst)+opts
    c=csum(h[:hl]) if not badsum else 0xbeef
    h=h[:10]+struct.pack('>H',c)+h[12:]
    return h+payload
def pseudo4(src,dst,proto,l): return src+dst+struct.pack('>BBH',0,proto,l)
def pseudo6(src,dst,nh,l): return src+dst+struct.pack('>IxxxB',l,nh)
def udp(sp,dp,payload,ps=None,length=None,zero=False,bad=False):
    l=8+len(payload); h=struct.pack('>HHHH',sp,dp,length if length is not None else l,0)
    c=0
    if not zero and ps is not None:
        c=csum(ps+h+payload) or 0xffff
        if bad: c^=0x1111
    return h[:6]+struct.pack('>H',c)+payload
def tcp(sp,dp,seq,ack,flags,payload=b'',opts=b'',win=64240,ps=None,doff=None,urg=0):
    hl=20+len(opts); d=doff if doff is not None else hl//4
    h=struct.pack('>HHIIHHHH',sp,dp,seq,ack,(d<<12)|flags,win,0,urg)+opts
    c=csum((ps or b'')+h+payload) if ps is not None else 0
    return h[:16]+struct.pack('>H',c)+h[18:]+payload
def eth(t,p,dst=MB,src=MA): return dst+src+struct.pack('>H',t)+p
def ip6(nh,payload,src=A6,dst=B6,plen=None,hlim=64):
    return struct.pack('>IHBB',0x60000000|0x12345,plen if plen is not None else len(payload),nh,hlim)+src+dst+payload
frames=[]
def add(f,caplen=None): frames.append((f,caplen))
# 1 SYN like the report (MSS, NOP, WS 8, NOP NOP SACK_PERM)
A2=bytes([192,168,0,31]);B2=bytes([104,76,64,220])
o=bytes([2,4,0x05,0xb4,1,3,3,8,1,1,4,2])
t=tcp(56986,80,976928197,0,0x002,opts=o,win=64240,ps=pseudo4(A2,B2,6,32))
add(eth(0x800,ip4(6,t,A2,B2)))
# 2 SYN-ACK with ECN flags, timestamps, SACK blocks, TFO cookie, unknown option, EOL
o=bytes([2,4,5,0xb4, 1,1,8,10])+struct.pack('>II',111,222)+bytes([34,10])+bytes(range(8))+bytes([99,4,0xaa,0xbb,0,0])
t=tcp(80,56986,3776155059,976928198,0x0d2|0x100,opts=o,win=29200,ps=pseudo4(B2,A2,6,20+len(o)))
add(eth(0x800,ip4(6,t,B2,A2,tos=0x02)))
o=bytes([1,1,8,10])+struct.pack('>II',333,444)+bytes([1,1,5,18])+struct.pack('>IIII',1000,2000,3000,4000)
t=tcp(56986,80,976928198,3776155060,0x010,opts=o,win=513,ps=pseudo4(A2,B2,6,20+len(o)))
add(eth(0x800,ip4(6,t,A2,B2)))
# 3 TCP data offset 4 (<5)
t=tcp(1111,2222,1,2,0x010,doff=4,ps=pseudo4(A,B,6,20))
add(eth(0x800,ip4(6,t)))
# 4 TCP data offset 15 past packet
t=tcp(1111,2222,1,2,0x010,doff=15,ps=pseudo4(A,B,6,20))
add(eth(0x800,ip4(6,t)))
# 5 TCP option length 1 (bad)
o=bytes([2,1,0,0]); t=tcp(1111,2222,1,2,0x018,b'hi',opts=o,ps=pseudo4(A,B,6,26))
add(eth(0x800,ip4(6,t)))
# 6 TCP option length past header
o=bytes([8,10,0,0]); t=tcp(1111,2222,1,2,0x018,b'hi',opts=o,ps=pseudo4(A,B,6,26))
add(eth(0x800,ip4(6,t)))
# 7 IPv4 IHL 4
add(eth(0x800,ip4(17,udp(1,2,b'x',pseudo4(A,B,17,9)),ihl=4)))
# 8 IPv4 bad header checksum + options (RR, NOP, EOL) + URG
opts=bytes([7,11,4])+A+B+bytes([1,0])+bytes(0)  # RR len 11, ptr 4, two addrs -> 11 bytes, NOP, EOL = 13 -> pad to 16
opts=opts+bytes(16-len(opts))
t=tcp(1111,2222,5,6,0x038,b'urgent',urg=3,ps=pseudo4(A,B,6,26))
add(eth(0x800,ip4(6,t,opts=opts,badsum=True)))
# 9 UDP length 4 (<8)
add(eth(0x800,ip4(17,udp(1,2,b'abcd',pseudo4(A,B,17,12),length=4))))
# 10 UDP checksum zero over IPv4
add(eth(0x800,ip4(17,udp(3000,4000,b'abcd',zero=True))))
# 11 UDP checksum zero over IPv6
add(eth(0x86dd,ip6(17,udp(3000,4000,b'abcd',zero=True))))
# 12 UDP good over IPv6
add(eth(0x86dd,ip6(17,udp(3000,4000,b'abcd',pseudo6(A6,B6,17,12)))))
# 13 IPv6 with hop-by-hop (router alert + padN), routing type 0? use type 2, dest opts, fragment(first, MF) then UDP
u=udp(3000,4000,b'fragdata',pseudo6(A6,B6,17,16))
frag=struct.pack('>BBHI',17,0,(0<<3)|0,0xabcdef01)   # offset 0, M=0 -> atomic fragment
dst=bytes([44,0, 1,4,0,0,0,0])  # next=44 frag, len 0 (8 bytes), PadN 4
rt=bytes([60,2,2,1])+bytes(4)+B6  # next=60 dstopts, hdr len 2 (24 bytes), type 2, segleft 1
hbh=bytes([43,0, 5,2,0,0, 1,0])   # next=43 routing, router alert 0 + PadN(0)
add(eth(0x86dd,ip6(0,hbh+rt+dst+frag+u)))
# 14 IPv4 fragment (MF set) of UDP
add(eth(0x800,ip4(17,udp(5,6,b'0123456789',pseudo4(A,B,17,18)),flags=0x2000,ident=0x4321)))
# 15 IPv4 later fragment (offset 1480)
add(eth(0x800,ip4(17,b'tail-bytes',flags=185,ident=0x4321)))
# 16 ICMP echo request and 17 reply
ic=struct.pack('>BBHHH',8,0,0,0x1a2b,1)+b'abcdefgh'; ic=ic[:2]+struct.pack('>H',csum(ic))+ic[4:]
add(eth(0x800,ip4(1,ic)))
ic=struct.pack('>BBHHH',0,0,0,0x1a2b,1)+b'abcdefgh'; ic=ic[:2]+struct.pack('>H',csum(ic)^1)+ic[4:]
add(eth(0x800,ip4(1,ic,B,A)))
# 18 ICMPv6 neighbour solicitation with source link-layer option
def icmp6(body,src=A6,dst=B6,bad=False):
    c=csum(pseudo6(src,dst,58,len(body))+body)
    if bad: c^=0x0f0f
    return body[:2]+struct.pack('>H',c)+body[4:]
ns=struct.pack('>BBHI',135,0,0,0)+B6+bytes([1,1])+MA
add(eth(0x86dd,ip6(58,icmp6(ns),hlim=255),dst=bytes.fromhex('333300000002')))
# 19 neighbour advertisement with target ll option
na=struct.pack('>BBHI',136,0,0,0x60000000)+A6+bytes([2,1])+MA
add(eth(0x86dd,ip6(58,icmp6(na,src=A6,dst=B6),hlim=255)))
# 20 router advertisement with prefix info + MTU option
ra=struct.pack('>BBHBBHII',134,0,0,64,0x80,1800,0,0)+bytes([3,4,64,0xc0])+struct.pack('>III',86400,14400,0)+bytes.fromhex('20010db8000000000000000000000000')+bytes([5,1,0,0])+struct.pack('>I',1500)+bytes([1,1])+MA
add(eth(0x86dd,ip6(58,icmp6(ra),hlim=255)))
# 21 ICMPv6 echo request bad checksum
er=struct.pack('>BBHHH',128,0,0,7,9)+b'ping'
add(eth(0x86dd,ip6(58,icmp6(er,bad=True))))
# 22 truncated TCP (snaplen 60) with payload
pl=b'GET / HTTP/1.1\r\nHost: example.com\r\n\r\n'
t=tcp(40000,80,100,200,0x018,pl,ps=pseudo4(A,B,6,20+len(pl)))
f=eth(0x800,ip4(6,t)); add(f,60)
# 23 HTTP request on port 80 and 24 response
t=tcp(40000,80,100,200,0x018,pl,ps=pseudo4(A,B,6,20+len(pl)))
add(eth(0x800,ip4(6,t)))
rs=b'HTTP/1.1 404 Not Found\r\nServer: x\r\nContent-Length: 0\r\n\r\n'
t=tcp(80,40000,200,100+len(pl),0x018,rs,ps=pseudo4(B,A,6,20+len(rs)))
add(eth(0x800,ip4(6,t,B,A)))
# 25 TLS client hello record on 443 (truncated hello body is fine: just header + handshake type)
hs=bytes([1,0,0,4,3,3,0,0])
rec=bytes([22,3,1])+struct.pack('>H',len(hs))+hs
t=tcp(40001,443,1,1,0x018,rec,ps=pseudo4(A,B,6,20+len(rec)))
add(eth(0x800,ip4(6,t)))
# 26 TLS application data two records
rec=bytes([23,3,3,0,3,1,2,3,21,3,3,0,2,1,0])
t=tcp(443,40001,1,1,0x018,rec,ps=pseudo4(B,A,6,20+len(rec)))
add(eth(0x800,ip4(6,t,B,A)))
# 27 VLAN tagged UDP
add(eth(0x8100,struct.pack('>HH',(5<<13)|100,0x800)+ip4(17,udp(7000,8000,b'vl',pseudo4(A,B,17,10)))))
# 28 short ethernet (10 bytes)
add(MB+MA[:4])
# 29 DNS with compression pointer forward/out of range
q=struct.pack('>HHHHHH',0x7777,0x0100,1,0,0,0)+bytes([3])+b'abc'+bytes([0xc0,0x7f])+struct.pack('>HH',1,1)
add(eth(0x800,ip4(17,udp(5555,53,q,pseudo4(A,B,17,8+len(q))))))
# 30 UDP to unknown port with ethernet padding (IP shorter than frame)
p=ip4(17,udp(7,9,b'',pseudo4(A,B,17,8)))
add(eth(0x800,p+bytes(60-14-len(p))))
# 31 ARP short (cut inside sender address on the wire: malformed)
add(eth(0x806,struct.pack('>HHBBH',1,0x800,6,4,1)+MA[:3]))
# 32 TCP FIN/RST/PSH/URG + ECE/CWR + AE flags and window 0
t=tcp(1,2,0xffffffff,0x80000000,0x1ff|0x100,ps=pseudo4(A,B,6,20),win=0)
add(eth(0x800,ip4(6,t)))
# 33 ICMP dest unreachable quoting IPv4/TCP
inner=ip4(6,tcp(1111,2222,9,0,0x002,ps=pseudo4(A,B,6,20)))[:28]
ic=struct.pack('>BBHI',3,3,0,0)+inner; ic=ic[:2]+struct.pack('>H',csum(ic))+ic[4:]
add(eth(0x800,ip4(1,ic,B,A)))
# 34 IPv6 TCP
t=tcp(50000,443,5,0,0x002,opts=bytes([2,4,5,0xa0]),ps=pseudo6(A6,B6,6,24))
add(eth(0x86dd,ip6(6,t)))
with open('eth.pcap','wb') as out:
    out.write(struct.pack('<IHHiIII',0xa1b2c3d4,2,4,0,0,65535,1))
    for i,(f,cap) in enumerate(frames):
        c=f[:cap] if cap else f
        out.write(struct.pack('<IIII',1700000000+i,i*1000,len(c),len(f))); out.write(c)
def pc(name,lt,fr):
    with open(name,'wb') as out:
        out.write(struct.pack('<IHHiIII',0xa1b2c3d4,2,4,0,0,65535,lt))
        for i,f in enumerate(fr):
            out.write(struct.pack('<IIII',1700000000+i,0,len(f),len(f))); out.write(f)
u4=ip4(17,udp(1000,53,struct.pack('>HHHHHH',1,0x0100,1,0,0,0)+bytes([1])+b'a'+bytes([0])+struct.pack('>HH',1,1),pseudo4(A,B,17,8+17)))
pc('sll.pcap',113,[struct.pack('>HHH',4,1,6)+MA+b'\0\0'+struct.pack('>H',0x800)+u4, struct.pack('>HHH',0,772,0)+bytes(8)+struct.pack('>H',0x86dd)+ip6(17,udp(3000,4000,b'abcd',pseudo6(A6,B6,17,12)))])
pc('sll2.pcap',276,[struct.pack('>HHIHBB',0x800,0,2,1,0,6)+MA+b'\0\0'+u4])
pc('null.pcap',0,[struct.pack('<I',2)+u4, struct.pack('<I',30)+ip6(17,udp(3000,4000,b'abcd',pseudo6(A6,B6,17,12)))])
pc('raw.pcap',101,[u4, ip6(17,udp(3000,4000,b'abcd',pseudo6(A6,B6,17,12)))])
pc('unknown.pcap',147,[b'\x01\x02\x03\x04'])
print(len(frames))

import dgram from 'node:dgram';
import net from 'node:net';
const sleep = (ms) => new Promise(r => setTimeout(r, ms));
// Small DNS writer with name compression.
class W { constructor(){this.b=[];this.names=new Map();}
  u8(n){this.b.push(n&255)} u16(n){this.b.push(n>>8&255,n&255)} u32(n){this.b.push(n>>>24&255,n>>16&255,n>>8&255,n&255)}
  bytes(a){for(const x of a)this.b.push(x)}
  name(s){const labels=s?s.split('.'):[];for(let i=0;i<labels.length;i++){const suf=labels.slice(i).join('.').toLowerCase();
     if(this.names.has(suf)){const p=this.names.get(suf);this.u16(0xc000|p);return;} if(this.b.length<0x3fff)this.names.set(suf,this.b.length);
     const l=Buffer.from(labels[i]);this.u8(l.length);this.bytes(l);} this.u8(0);}
  rr(n,type,cls,ttl,fn){this.name(n);this.u16(type);this.u16(cls);this.u32(ttl);const at=this.b.length;this.u16(0);fn(this);const len=this.b.length-at-2;this.b[at]=len>>8;this.b[at+1]=len&255;}
  buf(){return Buffer.from(this.b)} }
function query(id, n, type, flags=0x0100){const w=new W();w.u16(id);w.u16(flags);w.u16(1);w.u16(0);w.u16(0);w.u16(0);w.name(n);w.u16(type);w.u16(1);return w.buf();}
function response(){const w=new W();w.u16(0x562d);w.u16(0x8180);w.u16(1);w.u16(9);w.u16(1);w.u16(2);
  w.name('st.afreecatv.com');w.u16(1);w.u16(1);
  w.rr('st.afreecatv.com',5,1,300,w=>w.name('edge.afreecatv.com'));
  w.rr('edge.afreecatv.com',1,1,60,w=>w.bytes([118,217,1,2]));
  w.rr('edge.afreecatv.com',1,1,60,w=>w.bytes([118,217,1,3]));
  w.rr('st.afreecatv.com',28,1,60,w=>w.bytes([0x20,0x01,0x0d,0xb8,0,0,0,0,0,0,0,0,0,0,0,1]));
  w.rr('afreecatv.com',15,1,3600,w=>{w.u16(10);w.name('mx.afreecatv.com')});
  w.rr('afreecatv.com',16,1,3600,w=>{w.u8(5);w.bytes(Buffer.from('hello'));w.u8(11);w.bytes(Buffer.from('v=spf1 -all'))});
  w.rr('_sip._udp.afreecatv.com',33,1,100,w=>{w.u16(1);w.u16(5);w.u16(8080);w.name('sip.afreecatv.com')});
  w.rr('2.1.217.118.in-addr.arpa',12,1,100,w=>w.name('edge.afreecatv.com'));
  w.rr('x.afreecatv.com',65399,1,5,w=>w.bytes([1,2,3]));
  w.rr('afreecatv.com',2,1,100,w=>w.name('ns1.afreecatv.com'));
  w.rr('ns1.afreecatv.com',1,1,100,w=>w.bytes([10,0,0,1]));
  // OPT
  w.u8(0);w.u16(41);w.u16(1232);w.u32(0x00008000);w.u16(0);
  return w.buf();}
const loop=()=>{const b=Buffer.from(query(0x1111,'a.b',1));b[b.length-4-1-0]=0; return b;};
function loopName(){ // name that points to itself
  const w=new W();w.u16(0x2222);w.u16(0x0100);w.u16(1);w.u16(0);w.u16(0);w.u16(0);w.u8(1);w.bytes(Buffer.from('a'));w.u16(0xc00c);w.u16(1);w.u16(1);return w.buf();}
function cutName(){const b=query(0x3333,'cut.example.com',1);return b.subarray(0,12+6);}
function mdns(){const w=new W();w.u16(0);w.u16(0x8400);w.u16(0);w.u16(1);w.u16(0);w.u16(0);
  w.rr('host.local',1,0x8001,120,w=>w.bytes([127,0,0,1]));return w.buf();}
const s = dgram.createSocket('udp4'); await new Promise(r=>s.bind(45999,'127.0.0.1',r));
const c = dgram.createSocket('udp4'); await new Promise(r=>c.bind(0,'127.0.0.1',r));
s.on('message',(m,ri)=>s.send(Buffer.from('pong:'+m),ri.port,ri.address));
c.send(Buffer.from('ping'),45999,'127.0.0.1'); await sleep(50);
// DNS to 45953 (decode as dns), and response back
const dq = dgram.createSocket('udp4'); await new Promise(r=>dq.bind(45953,'127.0.0.1',r));
dq.on('message',()=>{});
c.send(query(0x562d,'st.afreecatv.com',1),45953,'127.0.0.1'); await sleep(20);
dq.send(response(), c.address().port, '127.0.0.1'); await sleep(20);
c.send(query(0xd407,'adballoon.afreecatv.com',28),45953,'127.0.0.1'); await sleep(20);
c.send(loopName(),45953,'127.0.0.1'); await sleep(20);
c.send(cutName(),45953,'127.0.0.1'); await sleep(20);
const m = dgram.createSocket({type:'udp4',reuseAddr:true}); await new Promise(r=>m.bind(5353,'127.0.0.1',r));
c.send(mdns(),5353,'127.0.0.1'); await sleep(20);
c.send(query(0x4444,'llmnrhost',1,0x0000),5355,'127.0.0.1'); await sleep(20);
// IPv6 UDP
const s6 = dgram.createSocket('udp6'); await new Promise(r=>s6.bind(45999,'::1',r));
s6.on('message',(m,ri)=>s6.send(Buffer.from('pong6'),ri.port,ri.address));
const c6 = dgram.createSocket('udp6'); await new Promise(r=>c6.bind(0,'::1',r));
c6.send(Buffer.from('ping6'),45999,'::1'); await sleep(50);
c6.send(Buffer.from('closed'),45997,'::1'); await sleep(50); // icmpv6 unreachable
c.send(Buffer.from('closed'),45997,'127.0.0.1'); await sleep(50); // icmp unreachable
// TCP with HTTP
const srv = net.createServer(sock=>{sock.on('data',d=>{sock.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello');});sock.on('end',()=>sock.end());});
await new Promise(r=>srv.listen(45998,'127.0.0.1',r));
const cl = net.connect(45998,'127.0.0.1'); await new Promise(r=>cl.on('connect',r));
cl.write('GET /index.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1:45998\r\nUser-Agent: wirebook-test\r\nAccept: */*\r\n\r\n');
await new Promise(r=>cl.once('data',r)); cl.end(); await sleep(100);
// TCP over IPv6
const srv6 = net.createServer(sock=>{sock.on('data',d=>sock.write(d));sock.on('end',()=>sock.end());});
await new Promise(r=>srv6.listen(45998,'::1',r));
const cl6 = net.connect(45998,'::1'); await new Promise(r=>cl6.on('connect',r));
cl6.write('echo me'); await new Promise(r=>cl6.once('data',r)); cl6.end(); await sleep(100);
// RST: connect to closed port
const bad = net.connect(45996,'127.0.0.1'); bad.on('error',()=>{}); await sleep(50);
// DNS over TCP
const dsrv = net.createServer(sock=>{sock.on('data',()=>{const r=response();const l=Buffer.alloc(2);l.writeUInt16BE(r.length);sock.write(Buffer.concat([l,r]));});sock.on('end',()=>sock.end());});
await new Promise(r=>dsrv.listen(45953,'127.0.0.1',r));
const dc = net.connect(45953,'127.0.0.1'); await new Promise(r=>dc.on('connect',r));
const qq=query(0x562d,'st.afreecatv.com',1);const ql=Buffer.alloc(2);ql.writeUInt16BE(qq.length);dc.write(Buffer.concat([ql,qq]));
await new Promise(r=>dc.once('data',r)); dc.end(); await sleep(100);
process.exit(0);

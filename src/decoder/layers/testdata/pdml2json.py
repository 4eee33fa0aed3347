import sys, json, subprocess, xml.etree.ElementTree as ET
# usage: pdml2json.py file.pcap out.json [extra tshark args]
f, out, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
base = ['-o','ip.check_checksum:TRUE','-o','udp.check_checksum:TRUE','-o','tcp.check_checksum:TRUE','-o','tcp.relative_sequence_numbers:FALSE','-o','tcp.analyze_sequence_numbers:FALSE'] + extra
pdml = subprocess.run(['tshark','-r',f,'-T','pdml']+base, capture_output=True).stdout
cols = subprocess.run(['tshark','-r',f,'-T','fields','-E','separator=\t','-e','frame.protocols','-e','_ws.col.Source','-e','_ws.col.Destination','-e','_ws.col.Protocol','-e','_ws.col.Info']+base, capture_output=True, text=True).stdout.split('\n')
root = ET.fromstring(pdml)
def conv(el):
    out=[]
    for c in el:
        if c.get('hide')=='yes': continue
        node=[c.get('name',''), c.get('showname') or c.get('show',''), c.get('show',''), int(c.get('pos','0')), int(c.get('size','0'))]
        kids=conv(c)
        if kids: node.append(kids)
        out.append(node)
    return out
frames=[]
for i,p in enumerate(root.findall('packet')):
    protos=[x for x in p.findall('proto') if x.get('name') not in ('geninfo',)]
    tree=[]
    for pr in protos:
        node=[pr.get('name'), pr.get('showname') or pr.get('show',''), pr.get('show',''), int(pr.get('pos','0')), int(pr.get('size','0'))]
        if pr.get('name')=='frame':
            kids=[k for k in conv(pr) if k[0] in ('frame.number','frame.len','frame.cap_len','frame.protocols','frame.encap_type','frame.comment','frame.interface_id')]
        else: kids=conv(pr)
        if kids: node.append(kids)
        tree.append(node)
    c=cols[i].split('\t')
    frames.append({'columns':{'source':c[1],'destination':c[2],'protocol':c[3],'info':c[4]},'protocols':c[0],'tree':tree})
json.dump({'tshark':'4.0.17','args':base,'frames':frames}, open(out,'w'), ensure_ascii=False, separators=(',',':'))
print(out, len(frames))

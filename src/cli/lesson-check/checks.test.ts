import { describe, expect, it } from 'vitest';
import { checkLesson } from './checks.ts';
import { parseLiteral } from './literal.ts';
import { scanLesson } from './scan.ts';
import type { CaptureView, World } from './world.ts';

const http: CaptureView = {
  id: 'tcp-http',
  count: 16,
  hasField: (frame, name) => ['tcp.ack', 'tcp.seq', 'tcp.len', 'tcp.window_size'].includes(name) || (frame === 1 && name === 'tcp.options.mss'),
  hasTcp: () => true,
  streams: 1,
  udpStreams: 0,
  // Frame 3 of tcp-http as tshark shows it: Seq=1 Ack=1 (raw 4071048680 and 1295241618).
  keyValue: (frame, field, numbering) =>
    frame === 3 ? (numbering === 'raw' ? { 'tcp.seq': 4071048680, 'tcp.ack': 1295241618 } : { 'tcp.seq': 1, 'tcp.ack': 1 })[field] : undefined,
};
const world: World = {
  capture: (id) => (id === 'tcp-http' ? http : id === 'broken' ? 'its sidecar names broken.pcapng, which does not exist.' : undefined),
  captureIds: ['tcp-http', 'udp-dns'],
  glossaryIds: ['mss', 'isn', 'time-wait'],
  glossary: [
    { id: 'mss', term: 'MSS', aliases: ['Maximum Segment Size'] },
    { id: 'isn', term: 'ISN', aliases: [] },
    { id: 'time-wait', term: 'TIME-WAIT', aliases: [] },
  ],
  layers: ['eth', 'ipv4', 'tcp', 'udp'],
  lessonIds: ['udp', 'tcp-handshake'],
};

const front = `---
title: A lesson
summary: One line.
order: 3
objectives:
  - Learn.
captures: [tcp-http]
---
`;
const imports = `import PacketViewer from '../src/components/PacketViewer.astro';
import FrameLink from '../src/components/FrameLink.astro';
import HeaderDiagram from '../src/components/HeaderDiagram.astro';
import Term from '../src/components/Term.astro';
import { Answer, Predict } from '../src/components/quiz/index.ts';
`;

const lines = (text: string) => checkLesson(text, world).map((p) => `${p.line}: ${p.message}`);

describe('parseLiteral', () => {
  it('reads the values lessons write', () => {
    expect(parseLiteral(`{ frame: 5, field: 'tcp.ack' }`)).toEqual({ ok: true, value: { frame: 5, field: 'tcp.ack' } });
    expect(parseLiteral(`['A\\'s SYN', "two", 0x10, true]`)).toEqual({ ok: true, value: ["A's SYN", 'two', 16, true] });
    expect(parseLiteral('{ expr: `frame 6 tcp.seq + tcp.len` }')).toEqual({ ok: true, value: { expr: 'frame 6 tcp.seq + tcp.len' } });
    expect(parseLiteral('someVariable').ok).toBe(false);
  });
});

describe('scanLesson', () => {
  it('finds tags with their lines and attributes, skipping code blocks', () => {
    const s = scanLesson(
      `${front}${imports}\nText <FrameLink capture="tcp-http" frame={7} field="tcp.ack">frame 7</FrameLink>.\n\n\`\`\`mdx\n<PacketViewer capture="nope" />\n\`\`\`\n`,
    );
    expect(s.tags.map((t) => [t.name, t.line, t.attrs])).toEqual([['FrameLink', 15, { capture: 'tcp-http', frame: 7, field: 'tcp.ack' }]]);
    expect([...s.imports]).toEqual(['PacketViewer', 'FrameLink', 'HeaderDiagram', 'Term', 'Answer', 'Predict']);
  });
});

describe('checkLesson', () => {
  it('passes a sound lesson', () => {
    const text = `${front}${imports}
<PacketViewer capture="tcp-http" frames="1-10" />

The <FrameLink capture="tcp-http" frame={7} field="tcp.ack">ACK</FrameLink> and the <Term id="mss">MSS</Term>.

<HeaderDiagram capture="tcp-http" frame={1} layer="tcp" field="tcp.options.mss" />
<Answer id="a" answer={{ frame: 5, field: 'tcp.ack' }}>Q</Answer>
<Answer id="b" answer={{ expr: 'frame 6 tcp.seq + tcp.len' }}>Q</Answer>
<Predict id="c" frame={3}>Q</Predict>
`;
    expect(lines(text)).toEqual([]);
  });

  it('reports every problem with its line and a fix', () => {
    const text = `${front.replace('order: 3', 'order: three')}${imports}
<PacketViewer capture="tcp-htp" />
<PacketViewer capture="tcp-http" frames="1-5" />

See <FrameLink capture="tcp-http" frame={9}>frame 9</FrameLink> and <Term id="msss">MSS</Term>.
<HeaderDiagram capture="tcp-http" frame={40} layer="tcp" />
<HeaderDiagram capture="tcp-http" frame={1} layer="sctp" />
<SequenceDiagram capture="tcp-http" stream={2} />
<Answer id="a" answer={{ frame: 5, field: 'tcp.acks' }}>Q</Answer>
<Answer id="a" answer={{ expr: 'tcp.seq +' }}>Q</Answer>
`;
    expect(lines(text)).toEqual([
      '4: front matter: order: must be a whole number from 1 (its place in the course).',
      '15: <PacketViewer> capture="tcp-htp": there is no captures/**/tcp-htp.yaml. Did you mean "tcp-http"? Add the capture with its sidecar, or fix the id.',
      '18: <Term id="msss">: there is no content/glossary/msss.yaml. Did you mean "mss"? Add the entry or fix the id.',
      '18: <FrameLink> to frame 9 of "tcp-http", outside every widget of that capture on the page (1-5): widen a PacketViewer\'s frames, or link another frame.',
      '19: <HeaderDiagram> frame 40 is past the end of "tcp-http", which has 16 frames.',
      '20: <HeaderDiagram> layer="sctp" is not one it draws: use one of eth, ipv4, tcp, udp. Did you mean "tcp"?',
      "21: <SequenceDiagram> is used but not imported: add an import line, e.g. import SequenceDiagram from '../src/components/SequenceDiagram.astro';",
      '21: <SequenceDiagram> stream={2}: "tcp-http" has TCP streams 0 to 0.',
      '22: <Answer>: frame 5 of "tcp-http" has no field tcp.acks: check the name in the packet viewer (Wireshark\'s display-filter names), or the frame.',
      '23: question id "a" is already used on line 22: give each question its own id.',
      expect.stringMatching(/^23: <Answer> expr "tcp\.seq \+": /),
    ]);
  });

  it('names a StreamGraph whose capture, stream or kind does not exist', () => {
    const text = `${front}import StreamGraph from '../src/components/StreamGraph.astro';

<StreamGraph capture="tcp-http" stream={0} kind="stevens" />
<StreamGraph capture="tcp-htp" stream={0} kind="rtt" />
<StreamGraph capture="tcp-http" stream={1} kind="window" />
<StreamGraph capture="tcp-http" stream={0} kind="stevns" />
<StreamGraph capture="tcp-http" kind="tcptrace" dir="C" />
`;
    expect(lines(text)).toEqual([
      '12: <StreamGraph> capture="tcp-htp": there is no captures/**/tcp-htp.yaml. Did you mean "tcp-http"? Add the capture with its sidecar, or fix the id.',
      '13: <StreamGraph> stream={1}: "tcp-http" has TCP streams 0 to 0.',
      '14: <StreamGraph> kind="stevns" is not a graph it draws: use one of tcptrace, stevens, throughput, rtt, window. Did you mean "stevens"?',
      '15: <StreamGraph> dir="C": use "A" (the side of the first SYN) or "B".',
    ]);
  });

  it('asks for front matter, and for captures the front matter does not list', () => {
    expect(lines('# No front matter\n')).toEqual([
      '1: no front matter: start the file with ---, then title:, summary:, order:, objectives: and captures:, then ---.',
    ]);
    const text = `${front.replace('captures: [tcp-http]', 'captures: [broken]')}${imports}\n<PacketViewer capture="tcp-http" />\n`;
    expect(lines(text)).toEqual([
      '7: front matter: capture "broken": its sidecar names broken.pcapng, which does not exist.',
      '15: <PacketViewer> reads capture "tcp-http", which the front matter does not list: add it to captures: [...].',
    ]);
  });

  it("reports a Predict whose explanation's Seq= or Ack= is not what its key expects", () => {
    const predict = (attrs: string) => `${front}${imports}\n<Predict id="c" frame={3} ${attrs}>Q</Predict>\n`;
    expect(lines(predict('explain="Frame 3: 36450 → 80 [ACK] Seq=1 Ack=1 Win=64256 Len=0"'))).toEqual([]);
    expect(lines(predict('numbering="raw" explain="Seq=4071048680 Ack=1295241618"'))).toEqual([]);
    expect(lines(predict('explain="Frame 3: 36450 → 80 [ACK] Seq=1 Ack=1295241618"'))).toEqual([
      '15: <Predict>: its explanation says Ack=1295241618, but the key expects 1 (tcp.ack, relative numbers, frame 3 of "tcp-http"): fix the explanation or the numbering.',
    ]);
    expect(lines(predict('numbering="raw" explain="Seq=1"'))).toEqual([
      '15: <Predict>: its explanation says Seq=1, but the key expects 4071048680 (tcp.seq, raw numbers, frame 3 of "tcp-http"): fix the explanation or the numbering.',
    ]);
  });

  it('reports a FollowStream whose capture, protocol or stream does not exist', () => {
    const follow = (attrs: string) => `${front}${imports}import FollowStream from '../src/components/FollowStream.astro';\n\n<FollowStream ${attrs} />\n`;
    expect(lines(follow('capture="tcp-http" proto="tcp" stream={0}'))).toEqual([]);
    expect(lines(follow('capture="tcp-http"'))).toEqual([]);
    expect(lines(follow('capture="tcp-htp" stream={0}'))).toEqual([
      '16: <FollowStream> capture="tcp-htp": there is no captures/**/tcp-htp.yaml. Did you mean "tcp-http"? Add the capture with its sidecar, or fix the id.',
    ]);
    expect(lines(follow('capture="tcp-http" proto="sctp"'))).toEqual(['16: <FollowStream> proto="sctp": it follows "tcp" or "udp" streams.']);
    expect(lines(follow('capture="tcp-http" stream={1}'))).toEqual(['16: <FollowStream> stream={1}: "tcp-http" has TCP streams 0 to 0.']);
    expect(lines(follow('capture="tcp-http" proto="udp" stream={0}'))).toEqual(['16: <FollowStream> stream={0}: "tcp-http" has no UDP conversation.']);
  });
});

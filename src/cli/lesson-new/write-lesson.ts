// The starter lesson `lesson new` writes: front matter, an introduction, a
// packet viewer, a sequence diagram of the main TCP conversation, frame links
// and a few quiz questions whose answers the decoder reads from the capture.
// Every frame and field named here was checked on the capture first, so the
// result passes `wirebook lesson check` as written. Pure: text in, text out.
import type { CaptureFacts } from './inspect.ts';
import { type GlossaryWords, linkFirstUses } from '../lesson-check/glossary-use.ts';

export interface LessonSpec {
  /** Capture id and lesson name, e.g. "dhcp-lease". */
  name: string;
  title: string;
  order: number;
  facts: CaptureFacts;
}

/** Text safe in MDX prose and in a "..." attribute: no tags, expressions, quotes or code marks. */
function plain(text: string): string {
  return text
    .replace(/[<>{}`"\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A YAML double-quoted scalar (JSON's escapes are YAML's). */
export const yamlString = (text: string): string => JSON.stringify(text);

const LIST_LIMIT = 100;

interface Question {
  imports: string[];
  text: string;
}

export function writeLesson(spec: LessonSpec): string {
  const { name, facts } = spec;
  const tcp = facts.tcp;
  const shown = Math.min(facts.frameCount, LIST_LIMIT);
  const range = shown === 1 ? '1' : `1-${shown}`;
  const protocols = facts.protocols.join(', ');
  const linked = (tcp ? tcp.frames : facts.rows.map((r) => r.number)).filter((n) => tcp || n <= shown).slice(0, 3);
  const questions = [answerQuestion(spec), predictQuestion(spec), protocolsQuestion(spec)].filter((q): q is Question => q !== undefined);
  const quizImports = [...new Set(['Quiz', ...questions.flatMap((q) => q.imports)])];

  const objectives = tcp
    ? [
        'Follow the main TCP conversation of the capture, from its first segment to its last.',
        'Read the sequence and acknowledgment numbers of its handshake.',
        'Name the protocols the capture carries, layer by layer.',
      ]
    : [
        'Say who talks to whom in the capture, and with which protocols.',
        'Read the fields that tell each frame where to go.',
        'Name the protocols the capture carries, layer by layer.',
      ];
  const lines: string[] = [
    '---',
    `title: ${yamlString(spec.title)}`,
    `summary: ${yamlString(`A contributed capture of ${facts.frameCount} frame${facts.frameCount === 1 ? '' : 's'} (${protocols}), read frame by frame.`)}`,
    `order: ${spec.order}`,
    'objectives:',
    ...objectives.map((o) => `  - ${o}`),
    `captures: [${name}]`,
    '---',
    '',
    "import PacketViewer from '../src/components/PacketViewer.astro';",
    ...(tcp ? ["import SequenceDiagram from '../src/components/SequenceDiagram.astro';"] : []),
    "import FrameLink from '../src/components/FrameLink.astro';",
    `import { ${quizImports.join(', ')} } from '../src/components/quiz/index.ts';`,
    '',
    `{/* A starter written by wirebook lesson new from captures/contributed/${name}.pcapng: rewrite the prose, check the questions, and set the licence in captures/contributed/${name}.yaml. */}`,
    '',
    `This lesson reads a contributed capture: ${facts.frameCount} frame${facts.frameCount === 1 ? '' : 's'} recorded on one network interface.`,
    `Its frames carry ${protocols}. The busiest conversation is between ${plain(facts.hostA)} (A) and ${plain(facts.hostB)} (B).`,
    '',
    '## The capture',
    '',
    `<PacketViewer capture="${name}" frames="${range}" frame={1} />`,
    '',
  ];
  if (tcp) {
    lines.push(
      '## The main conversation',
      '',
      `The TCP conversation with the most frames runs between ${plain(tcp.a.address)} port ${tcp.a.port} and ${plain(tcp.b.address)} port ${tcp.b.port}:`,
      `${tcp.frames.length} frame${tcp.frames.length === 1 ? '' : 's'}, from frame ${tcp.frames[0]} to frame ${tcp.frames[tcp.frames.length - 1]}.`,
      '',
      `<SequenceDiagram capture="${name}" stream={${tcp.stream}} />`,
      '',
      'Its first frames:',
      '',
    );
  } else {
    lines.push('## The first frames', '', 'The capture has no TCP conversation. Its first frames:', '');
  }
  for (const n of linked) {
    const row = facts.rows[n - 1]!;
    const field = tcp && facts.has(n, 'tcp.flags') ? ' field="tcp.flags"' : '';
    lines.push(
      // The Info line is Wireshark's text, shown as code: its words are not prose.
      `- <FrameLink capture="${name}" frame={${n}}${field}>Frame ${n}</FrameLink>: ${plain(row.source)} to ${plain(row.destination)}, ${plain(row.protocol)}, \`${plain(row.info)}\``,
    );
  }
  // The Quiz draws its own "Check yourself" heading.
  lines.push('', '<Quiz>', '');
  for (const q of questions) lines.push(q.text, '');
  lines.push('</Quiz>', '');
  return lines.join('\n');
}

/** A number read from the capture: the SYN-ACK's ACK, a UDP length or an ARP opcode. */
function answerQuestion({ name, facts }: LessonSpec): Question | undefined {
  const tcp = facts.tcp;
  const answer = (id: string, frame: number, field: string, question: string, explain: string, extra = '') => ({
    imports: ['Answer'],
    text: `<Answer id="${id}" capture="${name}" answer={{ frame: ${frame}, field: '${field}' }}${extra} explain="${plain(explain)}">\n  ${plain(question)}\n</Answer>`,
  });
  if (tcp?.synAck !== undefined && facts.has(tcp.synAck, 'tcp.ack')) {
    const n = tcp.synAck;
    return answer(
      'syn-ack-ack',
      n,
      'tcp.ack',
      `Frame ${n} is the SYN-ACK of the main conversation. Which acknowledgment number does it carry (relative, as Wireshark shows it)?`,
      `The SYN-ACK acknowledges the SYN, which uses one sequence number: frame ${n} acknowledges ${facts.show(n, 'tcp.ack')}, the next number its sender expects.`,
      ` hints={['The SYN before it has relative sequence number 0.', 'A SYN uses one sequence number.']}`,
    );
  }
  if (tcp && facts.has(tcp.frames[0]!, 'tcp.len')) {
    const n = tcp.frames[0]!;
    return answer(
      'first-segment-len',
      n,
      'tcp.len',
      `How many bytes of data does frame ${n}, the first segment of the main conversation, carry?`,
      `Frame ${n} carries ${facts.show(n, 'tcp.len')} bytes of TCP payload: the frame length minus the Ethernet, IP and TCP headers.`,
      ' unit="bytes"',
    );
  }
  const udp = facts.rows.find((r) => facts.has(r.number, 'udp.length'));
  if (udp) {
    const n = udp.number;
    const len = Number(facts.show(n, 'udp.length'));
    return answer(
      'udp-length',
      n,
      'udp.length',
      `What does the Length field of the UDP header say in frame ${n}?`,
      `The Length field of frame ${n} says ${len}: 8 bytes of UDP header plus ${len - 8} bytes of data.`,
      ` unit="bytes" hints={['The Length field counts the 8-byte header as well as the data.']}`,
    );
  }
  const arp = facts.rows.find((r) => facts.show(r.number, 'arp.opcode') === '2') ?? facts.rows.find((r) => facts.has(r.number, 'arp.opcode'));
  if (arp) {
    const n = arp.number;
    const op = facts.show(n, 'arp.opcode');
    return answer(
      'arp-opcode',
      n,
      'arp.opcode',
      `Which opcode does the ARP message in frame ${n} carry?`,
      `Frame ${n} carries opcode ${op}: 1 is a request, 2 a reply (RFC 826).`,
      ` hints={['Look at the ARP layer of the frame: the Opcode follows the sizes of the addresses.']}`,
    );
  }
  if (facts.has(1, 'frame.len')) {
    return answer(
      'first-frame-length',
      1,
      'frame.len',
      'How many bytes long is frame 1 on the wire?',
      `Frame 1 is ${facts.show(1, 'frame.len')} bytes long.`,
      ' unit="bytes"',
    );
  }
  return undefined;
}

/** Predict the frame after the SYN-ACK (TCP), else the answer to the first ARP request or UDP datagram. */
function predictQuestion({ name, facts }: LessonSpec): Question | undefined {
  const tcp = facts.tcp;
  const predict = (id: string, frame: number, question: string, ask = '') => {
    const row = facts.rows[frame - 1]!;
    return {
      imports: ['Predict'],
      text: `<Predict id="${id}" capture="${name}" frame={${frame}}${ask} explain="${plain(`Frame ${frame}: ${row.info}`)}">\n  ${plain(question)}\n</Predict>`,
    };
  };
  if (tcp) {
    const after = tcp.synAck !== undefined ? tcp.frames[tcp.frames.indexOf(tcp.synAck) + 1] : tcp.frames[1];
    if (after !== undefined && facts.has(after, 'tcp.flags')) {
      const before =
        tcp.synAck !== undefined ? `Frame ${tcp.synAck} is the SYN-ACK.` : `Frame ${tcp.frames[0]} opens what the capture holds of the conversation.`;
      return predict(
        'predict-next-segment',
        after,
        `${before} Predict frame ${after}, the next segment of the conversation: its flags, sequence number and acknowledgment number.`,
      );
    }
  }
  const byName = (fields: string[], frame: number) => fields.every((f) => facts.has(frame, f));
  const arpRequest = facts.rows.find((r) => facts.show(r.number, 'arp.opcode') === '1' && byName(['arp.opcode', 'eth.dst'], r.number + 1));
  if (arpRequest) {
    const n = arpRequest.number;
    return predict(
      'predict-arp-answer',
      n + 1,
      `Frame ${n} is an ARP request. Predict frame ${n + 1}: its ARP opcode and its Ethernet destination.`,
      " ask={['arp.opcode', 'eth.dst']}",
    );
  }
  const udp = facts.rows.find((r) => facts.has(r.number, 'udp.srcport') && byName(['udp.srcport', 'udp.dstport'], r.number + 1));
  if (udp) {
    const n = udp.number;
    return predict('predict-udp-ports', n + 1, `Frame ${n} is a UDP datagram. Predict the ports of frame ${n + 1}.`, " ask={['udp.srcport', 'udp.dstport']}");
  }
  if (facts.frameCount >= 2 && byName(['eth.dst', 'eth.src'], 2)) {
    return predict('predict-frame-2', 2, 'Predict the Ethernet addresses of frame 2.', " ask={['eth.src', 'eth.dst']}");
  }
  return undefined;
}

const DISTRACTORS = ['TCP', 'UDP', 'ARP', 'DNS', 'ICMP', 'IPv6', 'HTTP', 'ICMPv6'];

/** Which protocols the capture carries: the seen ones are right, two unseen ones are not. */
function protocolsQuestion({ facts }: LessonSpec): Question {
  const beyondLink = facts.protocols.filter((p) => p !== 'Ethernet');
  const right = (beyondLink.length ? beyondLink : facts.protocols).slice(0, 4);
  const wrong = DISTRACTORS.filter((p) => !facts.protocols.includes(p)).slice(0, 2);
  const options = [...right.map((p) => ({ p, correct: true })), ...wrong.map((p) => ({ p, correct: false }))].sort((x, y) => x.p.localeCompare(y.p));
  return {
    imports: ['Choice', 'Option'],
    text: [
      `<Choice id="protocols-seen" explain="${plain(`The packet list names only the highest layer of each frame; the details pane shows every layer. This capture carries ${facts.protocols.join(', ')}.`)}">`,
      `  Which of these protocols appear in the capture: ${options.map(({ p }) => p).join(', ')}? Choose every one.`,
      ...options.map(({ p, correct }) => `  <Option${correct ? ' correct' : ` explain="${plain(`No frame of this capture carries ${p}.`)}"`}>${p}</Option>`),
      '</Choice>',
    ].join('\n'),
  };
}

/** The lesson with the glossary's terms linked at their first use, and Term imported when one is. */
export function withGlossaryLinks(lesson: string, glossary: readonly GlossaryWords[]): string {
  const linked = linkFirstUses(lesson, glossary);
  if (linked === lesson) return lesson;
  return linked.replace(/^(import FrameLink from .*)$/m, "$1\nimport Term from '../src/components/Term.astro';");
}

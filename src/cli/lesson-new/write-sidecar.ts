// The YAML sidecar `lesson new` writes beside a contributed capture
// (schema: src/content/schemas.ts, captureSchema). The licence is left as a
// placeholder: only the instructor can say under which terms it may be used.
import type { CaptureFacts } from './inspect.ts';
import { yamlString } from './write-lesson.ts';

const LICENCE_PLACEHOLDER = 'UNSET: the instructor must give the licence the contributor agreed to (e.g. CC BY-SA 4.0)';

export interface SidecarSpec {
  name: string;
  title: string;
  /** The file the capture came from, as the instructor named it. */
  origin: string;
  /** Whether it was converted from pcap. */
  converted: boolean;
  facts: CaptureFacts;
}

/** One line of what the decoder found: frames, protocols, conversations. */
function decoderNotes(facts: CaptureFacts): string {
  const tcp = facts.tcp;
  const main = tcp
    ? `; the main one is ${tcp.a.address}:${tcp.a.port} to ${tcp.b.address}:${tcp.b.port} (stream ${tcp.stream}, ${tcp.frames.length} frames)`
    : '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `The decoder found ${plural(facts.frameCount, 'frame')}; protocols ${facts.protocols.join(', ') || 'none'}; ` +
    `${plural(facts.tcpStreams, 'TCP conversation')}${main}; ${plural(facts.udpStreams, 'UDP conversation')}.`
  );
}

export function writeSidecar(spec: SidecarSpec): string {
  const how = spec.converted ? ', converted from pcap to pcapng' : '';
  return [
    `title: ${yamlString(spec.title)}`,
    `file: ${spec.name}.pcapng`,
    'source:',
    '  kind: contributed',
    `  description: ${yamlString(`Contributed capture (${spec.origin}${how}), added with wirebook lesson new. Say who recorded it, where and how.`)}`,
    `licence: ${yamlString(LICENCE_PLACEHOLDER)}`,
    'hosts:',
    '  A:',
    '    name: Host A',
    `    address: ${yamlString(spec.facts.hostA)}`,
    '  B:',
    '    name: Host B',
    `    address: ${yamlString(spec.facts.hostB)}`,
    `notes: ${yamlString(decoderNotes(spec.facts))}`,
    '',
  ].join('\n');
}

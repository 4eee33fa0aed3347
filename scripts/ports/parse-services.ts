// Reads the services(5) format of Debian's /etc/services (package netbase):
//   name  port/protocol  [aliases...]  [# comment]
// Pure and dependency-free, so the build script and the tests share it.

/** One line of /etc/services: a service name registered on a port for one transport protocol. */
export interface ServiceEntry {
  port: number;
  /** Transport protocol as the file writes it: "tcp", "udp", "sctp", "ddp". */
  protocol: string;
  name: string;
  aliases: string[];
  /** The trailing "# ..." text, when the line has one. */
  comment?: string;
  /** Listed below the file's "not as allocated by IANA" line: a Debian or historical use, not an IANA assignment. */
  unofficial?: true;
}

export interface ParsedServices {
  entries: ServiceEntry[];
  /** Lines that are neither blank, a comment nor a valid entry: "line N: text". */
  skipped: string[];
}

const PORT_PROTO = /^(\d{1,5})\/([a-z][a-z0-9-]*)$/i;
/** Debian's file marks where its IANA-derived part ends with this comment. */
const NOT_IANA = /not as allocated by IANA/i;

/** Parses the text of a services file. Never throws: malformed lines are listed in `skipped`. */
export function parseServices(text: string): ParsedServices {
  const entries: ServiceEntry[] = [];
  const skipped: string[] = [];
  let unofficial = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const body = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    const comment = hash < 0 ? '' : raw.slice(hash + 1).trim();
    if (!body) {
      if (NOT_IANA.test(comment)) unofficial = true;
      return;
    }
    const [name, portProto, ...aliases] = body.split(/\s+/);
    const m = PORT_PROTO.exec(portProto ?? '');
    const port = m ? Number(m[1]) : NaN;
    if (!name || !m || port > 65535) {
      skipped.push(`line ${i + 1}: ${raw.trim()}`);
      return;
    }
    const entry: ServiceEntry = { port, protocol: m[2]!.toLowerCase(), name, aliases };
    if (comment) entry.comment = comment;
    if (unofficial) entry.unofficial = true;
    entries.push(entry);
  });
  return { entries, skipped };
}

/** The file's own header comment (its first block of "#" lines), for provenance. */
export function headerOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    const words = line.replace(/^#\s?/, '').trimEnd();
    if (words) out.push(words);
  }
  return out;
}

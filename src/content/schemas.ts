// Front-matter and sidecar schemas: defined once here, read by the content
// collections, the pages and (later) the lesson checker.
import { z } from 'astro/zod';

/** A capture id: the sidecar's file name without `.yaml` (e.g. "report-dns"). */
const captureId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'capture ids are lower-case words joined by "-"');

export const lessonSchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  /** Position in the course, 1 first. */
  order: z.number().int().positive(),
  objectives: z.array(z.string().min(1)).min(1),
  /** Ids of the captures this lesson reads (sidecars in captures/). */
  captures: z.array(captureId).default([]),
  lang: z.string().default('en'),
  draft: z.boolean().default(false),
});

const host = z.object({
  name: z.string().min(1),
  /** IPv4, IPv6 or MAC address as the capture shows it. */
  address: z.string().min(1),
});

const annotationSchema = z.object({
  frame: z.number().int().positive(),
  /** Wireshark display-filter name of the field the note explains, e.g. "tcp.ack". */
  field: z
    .string()
    .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/)
    .optional(),
  text: z.string().min(1),
});

export const captureSchema = z.object({
  title: z.string().min(1),
  /** The capture file, relative to the sidecar (pcap or pcapng). */
  file: z.string().regex(/\.(pcapng|pcap)$/, 'the capture file must end in .pcap or .pcapng'),
  source: z.object({
    /** rebuilt: written by the capture builder from a spec; recorded: real traffic; contributed: someone else's capture. */
    kind: z.enum(['rebuilt', 'recorded', 'contributed']),
    /** Where it came from and how it was made. */
    description: z.string().min(1),
  }),
  licence: z.string().min(1),
  hosts: z.object({ A: host, B: host }),
  notes: z.string().optional(),
  annotations: z.array(annotationSchema).default([]),
});

/** A glossary term: content/glossary/ID.yaml, linked from lessons with <Term id="ID">. */
export const glossarySchema = z.object({
  /** The term as written in the lessons ("MSS"). */
  term: z.string().min(1),
  /**
   * Other forms the lessons write (plurals, abbreviations, full names): "segments",
   * "IP addresses". The lesson check reads them to find a term's first use.
   */
  aliases: z.array(z.string().min(1)).default([]),
  /** What an abbreviation stands for ("Maximum Segment Size"). */
  expansion: z.string().min(1).optional(),
  /** One to three plain sentences; shown on hover or tap. */
  definition: z.string().min(1).max(600, 'keep a definition under 600 characters: it is shown in a small popup'),
  source: z.object({ label: z.string().min(1), url: z.url() }).optional(),
  /** Ids of related entries. */
  related: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/)).default([]),
});

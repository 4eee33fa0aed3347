import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import { fieldAtPath } from '../frame-panes/field-at.ts';
import { findingsOf, framesWithNotes, notesFor } from './notes.ts';

const capture = openCapture(new Uint8Array(readFileSync(new URL('../../../captures/recorded/tcp-http.pcapng', import.meta.url))));
const annotations = [
  { frame: 1, field: 'tcp.flags.syn', text: 'SYN consumes one sequence number.' },
  { frame: 1, field: 'dns.qry.name', text: 'Not in this frame.' },
  { frame: 4, text: 'The GET request.' },
];

describe('notes', () => {
  it('ties field notes to their place in the tree, and keeps the rest for the frame', () => {
    const tree = capture.dissect(1).tree;
    const notes = notesFor(1, tree, annotations, { ...capture.frames[0], comments: ['Captured on veth'] });
    expect(notes).toHaveLength(3);
    expect(fieldAtPath(tree, notes[0].path!)?.name).toBe('tcp.flags.syn');
    expect(notes[1]).toEqual({ kind: 'note', text: 'Not in this frame.' });
    expect(notes[2]).toEqual({ kind: 'comment', text: 'Captured on veth' });
    expect(notesFor(2, capture.dissect(2).tree, annotations, capture.frames[1])).toEqual([]);
  });

  it('lists the frames that have something to say', () => {
    const frames = capture.frames.map((f) => (f.number === 9 ? { ...f, comments: ['x'] } : f));
    expect([...framesWithNotes(annotations, frames)].sort((a, b) => a - b)).toEqual([1, 4, 9]);
  });
});

describe('findings', () => {
  it('collects notes, warnings and errors but not chat', () => {
    const rst = openCapture(new Uint8Array(readFileSync(new URL('../../../captures/recorded/tcp-rst-linger.pcapng', import.meta.url))));
    const found = findingsOf(rst.dissect(8).tree);
    expect(found.map((f) => f.message)).toContain('Connection reset (RST)');
    expect(found[0].field).toBe('tcp.flags.reset');
    expect(findingsOf(capture.dissect(1).tree)).toEqual([]);
  });

  it('carries a bad checksum with the value it should have', () => {
    const tree = structuredClone(capture.dissect(3).tree);
    const tcp = tree.find((f) => f.name === 'tcp')!;
    const sum = tcp.children!.find((f) => f.name === 'tcp.checksum')!;
    sum.expert = [{ name: 'tcp.checksum_bad.expert', severity: 'error', message: 'Bad checksum [should be 0x1234]' }];
    expect(findingsOf(tree)).toMatchObject([{ field: 'tcp.checksum', severity: 'error', message: 'Bad checksum [should be 0x1234]' }]);
  });
});

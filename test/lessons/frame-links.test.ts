// Every frame link of every lesson, against its capture: the frame exists and
// has the field the link selects, a link that reads "frame 12" goes to frame
// 12, and a link whose text is a value ("192.168.0.5", "port 53304") shows
// the value the decoder gives that field.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capture, lessonText, statedValues, written } from './support.ts';

interface Link {
  capture: string;
  frame: number;
  field?: string;
  text: string;
}

function frameLinks(mdx: string): Link[] {
  return [...mdx.matchAll(/<FrameLink\s([^>]*)>([\s\S]*?)<\/FrameLink>/g)].map((m) => ({
    capture: /capture="([^"]+)"/.exec(m[1]!)![1]!,
    frame: Number(/frame=\{(\d+)\}/.exec(m[1]!)![1]),
    field: /field="([^"]+)"/.exec(m[1]!)?.[1],
    text: m[2]!.replace(/\s+/g, ' ').trim(),
  }));
}

/** The decoder's value as a lesson writes it: integers with thousands commas. */
function shown(id: string, frame: number, field: string): string {
  const show = capture(id).show(frame, field);
  return /^\d+$/.test(show) ? written(Number(show)) : show;
}

const names = readdirSync('lessons')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, ''));

describe.each(names)('the frame links of lesson %s', (name) => {
  const links = frameLinks(lessonText(name));

  it('go to frames of their capture that have the linked field', () => {
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const c = capture(l.capture);
      expect(l.frame, `${l.capture} has ${c.count} frames`).toBeLessThanOrEqual(c.count);
      if (l.field) expect(c.fields(l.frame, l.field).length, `${l.capture} frame ${l.frame} ${l.field}`).toBeGreaterThan(0);
    }
  });

  it('that name a frame name the frame they go to', () => {
    for (const l of links) {
      const named = /^(?:frame )?(\d+)$/i.exec(l.text);
      if (named) expect(Number(named[1]), `link "${l.text}" to ${l.capture} frame ${l.frame}`).toBe(l.frame);
    }
  });

  it('that show a value show the value of the linked field', () => {
    for (const l of links) {
      if (!l.field || /^(?:frame )?\d+$/i.test(l.text)) continue;
      // The whole text is a value, or a port and its number ("source port 54744").
      const value = statedValues(l.text, '#')[0]?.[0];
      if (value === undefined || !(l.text === value || l.text.endsWith(`port ${value}`))) continue;
      expect(value.replace(/,/g, ''), `link "${l.text}"`).toBe(shown(l.capture, l.frame, l.field).replace(/,/g, ''));
    }
  });
});

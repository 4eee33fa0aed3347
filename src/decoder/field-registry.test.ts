// The registry lists every field the decoder defines, so a table added without an entry here fails.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFieldSpecs, fieldsByName, knownNames } from './field-registry.ts';
import { fieldCount } from './fields/spec.ts';

describe('the field registry', () => {
  it('holds every field any decoder module defines', async () => {
    const dir = import.meta.dirname;
    const modules = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const m of modules) await import(join(dir, m));
    const ids = new Set(allFieldSpecs().map((s) => s.id));
    const missing = Array.from({ length: fieldCount() }, (_, i) => i).filter((i) => !ids.has(i));
    expect(missing).toEqual([]);
  });

  it('gives every field one shape: the same keys in the same order', () => {
    // The sinks read spec.id and the like for every field of every frame: specs of one
    // shape keep those reads monomorphic (fields/spec.ts, defineFields).
    const shapes = new Set(allFieldSpecs().map((s) => Object.keys(s).join(',')));
    expect([...shapes]).toEqual(['id,name,label,type,bits,width,mask,base,strings,tfs,unit,fmt,generated,hidden']);
  });

  it('knows the analysis, expert and _ws fields without their modules being asked for', () => {
    // Names as tshark 4.0 lists them (`tshark -G fields`).
    for (const name of [
      'tcp.stream',
      'tcp.analysis.ack_rtt',
      'tcp.analysis.retransmission',
      'tcp.connection.syn',
      '_ws.expert.message',
      '_ws.malformed',
      'tcp.reassembled_in',
    ]) {
      expect(fieldsByName(name).length, name).toBeGreaterThan(0);
    }
    expect(knownNames()).toContain('tcp');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from '../capture/read.ts';
import { dissectFrame, findField } from '../dissect.ts';

// Expected values: tshark 4.0 (-T fields and -V) on capture/testdata/blocks.pcapng, frames 4 and 9.
describe('systemd journal entries', () => {
  const bytes = readFileSync(new URL('../capture/testdata/blocks.pcapng', import.meta.url));
  const records = readCapture(bytes).frames;
  const frame = (n: number) => dissectFrame(records[n - 1], frameData(bytes, records[n - 1]));

  it('dissects an entry and takes its time from __REALTIME_TIMESTAMP', () => {
    const d = frame(4);
    expect(d.protocols).toBe('systemd_journal');
    expect(d.columns).toMatchObject({ protocol: 'systemd Journal', info: 'link up' });
    const show = (name: string) => findField(d.tree, name)?.show;
    expect(show('frame.time_epoch')).toBe('1700000000.500000000');
    expect(show('systemd_journal.realtime_timestamp')).toBe('Nov 14, 2023 22:13:20.500000000 UTC');
    expect(show('systemd_journal.monotonic_timestamp')).toBe('0.123456000');
    expect(show('systemd_journal.boot_id')).toBe('0123456789abcdef0123456789abcdef');
    expect(findField(d.tree, 'systemd_journal.priority')?.display).toBe('Priority: INFO - informational (6)');
    expect(show('systemd_journal.hostname')).toBe('lab');
    expect(show('systemd_journal.syslog_id')).toBe('kernel');
    expect(show('systemd_journal.message')).toBe('link up');
    expect(findField(d.tree, 'frame.encap_type')).toBeUndefined();
  });

  it('leaves the time out of an entry without one', () => {
    const d = frame(9);
    expect(d.columns.info).toBe('no time here');
    expect(findField(d.tree, 'frame.time_epoch')).toBeUndefined();
    expect(findField(d.tree, 'frame.time_relative')).toBeUndefined();
  });

  it('shows a custom block as data under the frame, as tshark', () => {
    const d = frame(2);
    expect(d.protocols).toBe('data');
    expect(d.columns).toMatchObject({
      protocol: 'PCAPNG',
      info: 'Custom Block: PEN = Example Enterprise Number for Documentation Use (32473), will be copied',
    });
    expect(findField(d.tree, 'frame')?.display).toBe(
      'PCAPNG Custom Block 2: 12 bytes (96 bits) of custom data and options, PEN Example Enterprise Number for Documentation Use (32473), copying allowed',
    );
    expect(findField(d.tree, 'frame.cb_pen')?.display).toBe('Private Enterprise Number: Example Enterprise Number for Documentation Use (32473)');
    expect(findField(d.tree, 'frame.cb_copy')?.display).toBe('Copying: Allowed');
    expect(findField(d.tree, 'frame.time_epoch')).toBeUndefined();
  });
});

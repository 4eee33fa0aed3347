// A systemd Journal Export Block's entry (pcapng): "FIELD=value" lines, as
// Wireshark shows them. Only the fields below are dissected; the entry's
// time (__REALTIME_TIMESTAMP) is the frame's, set by the capture reader.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import type { Decoder } from './context.ts';

/** syslog priorities, as Wireshark names them. */
const PRIORITIES: Readonly<Record<number, string>> = {
  0: 'EMERG - system is unusable',
  1: 'ALERT - action must be taken immediately',
  2: 'CRIT - critical conditions',
  3: 'ERR - error conditions',
  4: 'WARNING - warning conditions',
  5: 'NOTICE - normal but significant condition',
  6: 'INFO - informational',
  7: 'DEBUG - debug-level messages',
};

const journalFields = defineFields({
  journal: { name: 'systemd_journal', label: 'systemd Journal Entry', type: 'protocol' },
  realtime: { name: 'systemd_journal.realtime_timestamp', label: 'Realtime Timestamp', type: 'abstime' },
  monotonic: { name: 'systemd_journal.monotonic_timestamp', label: 'Monotonic Timestamp', type: 'reltime' },
  bootId: { name: 'systemd_journal.boot_id', label: 'Boot ID', type: 'string' },
  priority: { name: 'systemd_journal.priority', label: 'Priority', type: 'uint', width: 8, strings: PRIORITIES },
  hostname: { name: 'systemd_journal.hostname', label: 'Hostname', type: 'string' },
  syslogId: { name: 'systemd_journal.syslog_id', label: 'Syslog identifier', type: 'string' },
  message: { name: 'systemd_journal.message', label: 'Message', type: 'string' },
});

const J = journalFields;

export const journalTable: ProtocolTable = {
  layer: 'systemd_journal',
  filter: 'systemd_journal',
  title: 'systemd Journal Entry',
  header: [],
  fields: journalFields,
};

/** Microseconds as written in the entry, in nanoseconds (undefined unless all digits). */
function micros(v: string): bigint | undefined {
  return /^\d+$/.test(v) ? BigInt(v) * 1000n : undefined;
}

export const decodeJournal: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  const stop = Math.min(end, data.length);
  ctx.protocols.push('systemd_journal');
  // `-T fields` prints this node as its filter name.
  out.open(J.journal, offset, stop - offset, 'systemd_journal', out.detail ? 'systemd Journal Entry' : 'systemd_journal');
  let message: string | undefined;
  const text = new TextDecoder().decode(data.subarray(offset, stop));
  let at = offset;
  for (const line of text.split('\n')) {
    const len = new TextEncoder().encode(line).length;
    const eq = line.indexOf('=');
    const key = eq < 0 ? '' : line.slice(0, eq);
    const value = line.slice(eq + 1);
    const ns = key === '__REALTIME_TIMESTAMP' || key === '__MONOTONIC_TIMESTAMP' ? micros(value) : undefined;
    if (key === '__REALTIME_TIMESTAMP' && ns !== undefined) out.add(J.realtime, at, len, ns);
    else if (key === '__MONOTONIC_TIMESTAMP' && ns !== undefined) out.add(J.monotonic, at, len, ns);
    else if (key === '_BOOT_ID') out.add(J.bootId, at, len, value);
    else if (key === 'PRIORITY' && /^\d+$/.test(value)) out.add(J.priority, at, len, Number(value));
    else if (key === '_HOSTNAME') out.add(J.hostname, at, len, value);
    else if (key === 'SYSLOG_IDENTIFIER') out.add(J.syslogId, at, len, value);
    else if (key === 'MESSAGE') {
      out.add(J.message, at, len, value);
      message = value;
    }
    at += len + 1;
  }
  out.close();
  if (ctx.columns && !ctx.inner) {
    ctx.cols.protocol = 'systemd Journal';
    ctx.cols.info = message ?? 'Journal Entry';
  }
  return end;
};

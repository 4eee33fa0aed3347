// TLS record headers (RFC 8446 section 5.1) and handshake message types.
// Record contents stay encrypted; only what travels in clear is read.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { need, u16, u24 } from './context.ts';
import type { Decoder } from './context.ts';
import { bindings } from '../bindings.ts';

/** Ports whose TLS application data is named by the layer bound to them. */
const TLS_APP = bindings['tls.port'];

const CONTENT_TYPES: Readonly<Record<number, string>> = {
  20: 'Change Cipher Spec',
  21: 'Alert',
  22: 'Handshake',
  23: 'Application Data',
  24: 'Heartbeat',
};
const VERSIONS: Readonly<Record<number, string>> = {
  0x0300: 'SSL 3.0',
  0x0301: 'TLS 1.0',
  0x0302: 'TLS 1.1',
  0x0303: 'TLS 1.2',
  0x0304: 'TLS 1.3',
};
const SHORT_VERSIONS: Readonly<Record<number, string>> = { 0x0300: 'SSLv3', 0x0301: 'TLSv1', 0x0302: 'TLSv1.1', 0x0303: 'TLSv1.2', 0x0304: 'TLSv1.3' };
const HANDSHAKE_TYPES: Readonly<Record<number, string>> = {
  0: 'Hello Request',
  1: 'Client Hello',
  2: 'Server Hello',
  4: 'New Session Ticket',
  8: 'Encrypted Extensions',
  11: 'Certificate',
  12: 'Server Key Exchange',
  13: 'Certificate Request',
  14: 'Server Hello Done',
  15: 'Certificate Verify',
  16: 'Client Key Exchange',
  20: 'Finished',
};
const ALERT_LEVELS: Readonly<Record<number, string>> = { 1: 'Warning', 2: 'Fatal' };
const ALERTS: Readonly<Record<number, string>> = {
  0: 'Close Notify',
  10: 'Unexpected Message',
  20: 'Bad Record MAC',
  40: 'Handshake Failure',
  42: 'Bad Certificate',
  46: 'Certificate Unknown',
  48: 'Unknown CA',
  50: 'Decode Error',
  51: 'Decrypt Error',
  70: 'Protocol Version',
  80: 'Internal Error',
  90: 'User Canceled',
  112: 'Unrecognized Name',
};

const vname = (v: unknown) => `${VERSIONS[Number(v)] ?? 'Unknown'} (0x${Number(v).toString(16).padStart(4, '0')})`;

const tlsFields = defineFields({
  tls: { name: 'tls', label: 'Transport Layer Security', type: 'protocol' },
  record: { name: 'tls.record', label: 'Record Layer', type: 'none' },
  contentType: { name: 'tls.record.content_type', label: 'Content Type', type: 'uint', bits: 8, width: 8, strings: CONTENT_TYPES },
  version: { name: 'tls.record.version', label: 'Version', type: 'uint', bits: 16, width: 16, base: 'hex', fmt: vname },
  length: { name: 'tls.record.length', label: 'Length', type: 'uint', bits: 16, width: 16 },
  handshake: { name: 'tls.handshake', label: 'Handshake Protocol', type: 'none' },
  handshakeType: { name: 'tls.handshake.type', label: 'Handshake Type', type: 'uint', width: 8, strings: HANDSHAKE_TYPES },
  handshakeLength: { name: 'tls.handshake.length', label: 'Length', type: 'uint', width: 24 },
  handshakeVersion: { name: 'tls.handshake.version', label: 'Version', type: 'uint', width: 16, base: 'hex', fmt: vname },
  appData: { name: 'tls.app_data', label: 'Encrypted Application Data', type: 'bytes' },
  alert: { name: 'tls.alert_message', label: 'Alert Message', type: 'none' },
  alertLevel: { name: 'tls.alert_message.level', label: 'Level', type: 'uint', width: 8, strings: ALERT_LEVELS },
  alertDesc: { name: 'tls.alert_message.desc', label: 'Description', type: 'uint', width: 8, strings: ALERTS },
});

const S = tlsFields;

export const tlsTable: ProtocolTable = {
  layer: 'tls',
  filter: 'tls',
  title: 'Transport Layer Security',
  header: [S.contentType, S.version, S.length],
  fields: tlsFields,
};

export const decodeTls: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  const stop = Math.min(end, data.length);
  if (stop - offset < 5 || !CONTENT_TYPES[data[offset]] || data[offset + 1] !== 3) {
    ctx.call('data', offset, end);
    return;
  }
  ctx.protocols.push('tls');
  out.open(S.tls, offset, stop - offset, 'Transport Layer Security');
  const infos: string[] = [];
  // Wireshark names the protocol inside by the port, as bindings.ts says (443 carries HTTP).
  const tcp = ctx.layers.tcp;
  const appProto = tcp && (TLS_APP[tcp.srcPort] === 'http' || TLS_APP[tcp.dstPort] === 'http') ? 'Hypertext Transfer Protocol' : 'Application Data';
  let proto = 'TLS';
  for (let at = offset; at + 5 <= stop; ) {
    const type = data[at];
    const version = u16(data, at + 1);
    const len = u16(data, at + 3);
    const vs = SHORT_VERSIONS[version] ?? 'TLS';
    proto = vs;
    const body = at + 5;
    let what = CONTENT_TYPES[type] ?? `Unknown (${type})`;
    if (type === 22 && body < stop) what = HANDSHAKE_TYPES[data[body]] ?? 'Encrypted Handshake Message';
    else if (type === 21 && body + 2 <= stop)
      what = `Alert (Level: ${ALERT_LEVELS[data[body]] ?? 'Unknown'}, Description: ${ALERTS[data[body + 1]] ?? 'Unknown'})`;
    infos.push(what);
    const title = `${vs} Record Layer: ${type === 22 ? `Handshake Protocol: ${what}` : type === 23 ? `Application Data Protocol: ${appProto}` : what}`;
    out.open(S.record, at, Math.min(5 + len, stop - at), undefined, title);
    out.add(S.contentType, at, 1, type);
    out.add(S.version, at + 1, 2, version);
    out.add(S.length, at + 3, 2, len);
    if (type === 22) {
      out.open(S.handshake, body, Math.min(len, stop - body), undefined, `Handshake Protocol: ${what}`);
      if (need(ctx, 'TLS', body, 4, body + len)) {
        out.add(S.handshakeType, body, 1, data[body]);
        const hlen = u24(data, body + 1);
        out.add(S.handshakeLength, body + 1, 3, hlen);
        if ((data[body] === 1 || data[body] === 2) && need(ctx, 'TLS', body + 4, 2, body + len)) {
          out.add(S.handshakeVersion, body + 4, 2, u16(data, body + 4));
          // The hello body (random, session id, suites, extensions) is not decoded yet.
          need(ctx, 'TLS', body + 6, 32, body + len);
        }
      }
      out.close();
    } else if (type === 23) {
      out.add(S.appData, body, Math.min(len, stop - body));
    } else if (type === 21 && len >= 2) {
      out.open(S.alert, body, 2);
      out.add(S.alertLevel, body, 1, data[body]);
      out.add(S.alertDesc, body + 1, 1, data[body + 1]);
      out.close();
    }
    out.close();
    at = body + len;
    if (ctx.isMalformed()) break;
  }
  out.close();
  if (ctx.columns && !ctx.inner) {
    ctx.cols.protocol = proto;
    ctx.cols.info = infos.join(', ');
  }
  return end;
};

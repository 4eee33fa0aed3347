// HTTP/1.x (RFC 9112): request or status line, header fields, and a text body.
// A message spread over several TCP segments arrives here whole, in the frame
// that completes it, as the reassembled bytes (tcp-segment.ts).

import { defineFields } from '../fields/spec.ts';
import type { FieldSpec, ProtocolTable } from '../fields/spec.ts';
import { escapeText, latin1 } from '../fields/format.ts';
import type { Decoder } from './context.ts';
import { DECHUNKED, dechunk } from './http-chunked.ts';

const METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE'];

const STATUS: Readonly<Record<number, string>> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Time-out',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Time-out',
};

const httpFields = defineFields({
  http: { name: 'http', label: 'Hypertext Transfer Protocol', type: 'protocol' },
  method: { name: 'http.request.method', label: 'Request Method', type: 'string' },
  uri: { name: 'http.request.uri', label: 'Request URI', type: 'string' },
  uriPath: { name: 'http.request.uri.path', label: 'Request URI Path', type: 'string' },
  uriQuery: { name: 'http.request.uri.query', label: 'Request URI Query', type: 'string' },
  uriQueryParameter: { name: 'http.request.uri.query.parameter', label: 'Request URI Query Parameter', type: 'string' },
  requestVersion: { name: 'http.request.version', label: 'Request Version', type: 'string' },
  responseVersion: { name: 'http.response.version', label: 'Response Version', type: 'string' },
  code: { name: 'http.response.code', label: 'Status Code', type: 'uint', width: 16 },
  codeDesc: { name: 'http.response.code.desc', label: 'Status Code Description', type: 'string' },
  phrase: { name: 'http.response.phrase', label: 'Response Phrase', type: 'string' },
  requestLine: { name: 'http.request.line', label: 'Request line', type: 'string', hidden: true },
  responseLine: { name: 'http.response.line', label: 'Response line', type: 'string', hidden: true },
  host: { name: 'http.host', label: 'Host', type: 'string' },
  userAgent: { name: 'http.user_agent', label: 'User-Agent', type: 'string' },
  accept: { name: 'http.accept', label: 'Accept', type: 'string' },
  acceptLanguage: { name: 'http.accept_language', label: 'Accept-Language', type: 'string' },
  acceptEncoding: { name: 'http.accept_encoding', label: 'Accept Encoding', type: 'string' },
  connection: { name: 'http.connection', label: 'Connection', type: 'string' },
  referer: { name: 'http.referer', label: 'Referer', type: 'string' },
  cookie: { name: 'http.cookie', label: 'Cookie', type: 'string' },
  setCookie: { name: 'http.set_cookie', label: 'Set-Cookie', type: 'string' },
  server: { name: 'http.server', label: 'Server', type: 'string' },
  date: { name: 'http.date', label: 'Date', type: 'string' },
  location: { name: 'http.location', label: 'Location', type: 'string' },
  cacheControl: { name: 'http.cache_control', label: 'Cache-Control', type: 'string' },
  contentType: { name: 'http.content_type', label: 'Content-Type', type: 'string' },
  contentEncoding: { name: 'http.content_encoding', label: 'Content-Encoding', type: 'string' },
  transferEncoding: { name: 'http.transfer_encoding', label: 'Transfer-Encoding', type: 'string' },
  contentLengthHeader: { name: 'http.content_length_header', label: 'Content-Length', type: 'string' },
  contentLength: { name: 'http.content_length', label: 'Content length', type: 'uint', width: 32 },
  fullUri: { name: 'http.request.full_uri', label: 'Full request URI', type: 'string', generated: true },
  // Hidden, as in Wireshark: for filters (http.request) and field lists, not drawn.
  isRequest: { name: 'http.request', label: 'Request', type: 'bool', hidden: true },
  isResponse: { name: 'http.response', label: 'Response', type: 'bool', hidden: true },
  requestNumber: { name: 'http.request_number', label: 'HTTP request', type: 'uint', width: 32, generated: true },
  responseIn: { name: 'http.response_in', label: 'Response in frame', type: 'framenum', width: 32, generated: true },
  responseNumber: { name: 'http.response_number', label: 'HTTP response', type: 'uint', width: 32, generated: true },
  time: { name: 'http.time', label: 'Time since request', type: 'reltime', generated: true },
  requestIn: { name: 'http.request_in', label: 'Request in frame', type: 'framenum', width: 32, generated: true },
  responseForUri: { name: 'http.response_for.uri', label: 'Request URI', type: 'string', generated: true },
  fileData: { name: 'http.file_data', label: 'File Data', type: 'string' },
});

const H = httpFields;

export const httpTable: ProtocolTable = { layer: 'http', filter: 'http', title: 'Hypertext Transfer Protocol', header: [], fields: httpFields };

const HEADERS: Readonly<Record<string, FieldSpec>> = {
  host: H.host,
  'user-agent': H.userAgent,
  accept: H.accept,
  'accept-language': H.acceptLanguage,
  'accept-encoding': H.acceptEncoding,
  connection: H.connection,
  referer: H.referer,
  cookie: H.cookie,
  'set-cookie': H.setCookie,
  server: H.server,
  date: H.date,
  location: H.location,
  'cache-control': H.cacheControl,
  'content-type': H.contentType,
  'content-encoding': H.contentEncoding,
  'transfer-encoding': H.transferEncoding,
  'content-length': H.contentLengthHeader,
};

/** Media types Wireshark hands to its XML dissector (the common ones, and any "+xml"). */
function isXmlMediaType(mediaType: string): boolean {
  const t = mediaType.toLowerCase();
  return t === 'text/xml' || t === 'application/xml' || t.endsWith('+xml');
}

/** Does this payload start like an HTTP/1.x message? */
function looksLikeHttp(data: Uint8Array, offset: number, end: number): boolean {
  const head = latin1(data, offset, Math.min(end, data.length, offset + 8));
  return head.startsWith('HTTP/1.') || METHODS.some((m) => head.startsWith(m + ' '));
}

export const decodeHttp: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  const stop = Math.min(end, data.length);
  if (!looksLikeHttp(data, offset, stop)) {
    ctx.call('data', offset, end);
    return;
  }
  ctx.protocols.push('http');
  out.open(H.http, offset, stop - offset, 'Hypertext Transfer Protocol');
  const lineEnd = (from: number) => {
    for (let i = from; i + 1 < stop; i++) if (data[i] === 13 && data[i + 1] === 10) return i;
    return -1;
  };
  let at = offset;
  let e = lineEnd(at);
  // A first line cut by the snaplen is read as far as it goes.
  const cut = e < 0;
  if (cut) e = stop;
  const first = latin1(data, at, e);
  const isResponse = first.startsWith('HTTP/');
  let info = '';
  let host = '';
  let uri = '';
  const firstLine = cut ? first : first + '\r\n';
  if (ctx.columns && !ctx.inner && !cut) ctx.cols.protocol = 'HTTP';
  if (out.detail) out.openText(escapeText(firstLine), at, (cut ? e : e + 2) - at);
  out.expert('http.chat', 'chat', escapeText(firstLine));
  const parts = first.split(' ');
  out.add(isResponse ? H.isResponse : H.isRequest, offset, 0, true);
  if (isResponse) {
    const version = parts[0];
    const code = Number(parts[1]);
    const phrase = parts.slice(2).join(' ');
    out.add(H.responseVersion, at, version.length, version);
    const codeAt = at + version.length + 1;
    out.add(H.code, codeAt, 3, code);
    out.add(H.codeDesc, codeAt, 3, STATUS[code] ?? 'Unknown');
    out.add(H.phrase, codeAt + 4, phrase.length, phrase);
    info = `${first} `;
  } else {
    const [method, target = '', version = ''] = parts;
    uri = target;
    out.add(H.method, at, method.length, method);
    const uriAt = at + method.length + 1;
    out.open(H.uri, uriAt, target.length, target);
    const q = target.indexOf('?');
    if (q >= 0) {
      out.add(H.uriPath, uriAt, q, target.slice(0, q));
      const query = target.slice(q + 1);
      out.open(H.uriQuery, uriAt + q + 1, query.length, query);
      let p = uriAt + q + 1;
      for (const param of query.split('&')) {
        out.add(H.uriQueryParameter, p, param.length, param);
        p += param.length + 1;
      }
      out.close();
    }
    out.close();
    out.add(H.requestVersion, uriAt + target.length + 1, version.length, version);
    info = `${first} `;
  }
  if (out.detail) out.close();
  if (cut) {
    out.close();
    if (end > data.length) ctx.truncated('HTTP');
    return end;
  }
  at = e + 2;
  let contentType = '';
  let contentLength = -1;
  let chunked = false;
  for (;;) {
    e = lineEnd(at);
    if (e < 0) break;
    if (e === at) {
      if (out.detail) out.text('\\r\\n', at, 2);
      at += 2;
      break;
    }
    const line = latin1(data, at, e);
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).toLowerCase() : '';
    const value = colon > 0 ? line.slice(colon + 1).trim() : '';
    const spec = HEADERS[name];
    const display = escapeText(line + '\r\n');
    out.add(isResponse ? H.responseLine : H.requestLine, at, e + 2 - at, line + '\r\n');
    if (spec === H.contentLengthHeader) {
      out.open(spec, at, e + 2 - at, value, out.detail ? display : undefined);
      contentLength = Number(value);
      out.add(H.contentLength, at, e + 2 - at, contentLength);
      out.close();
    } else if (spec) {
      out.add(spec, at, e + 2 - at, value, out.detail ? display : undefined);
    } else if (out.detail) {
      out.text(display, at, e + 2 - at);
    }
    if (name === 'host') host = value;
    if (name === 'content-type') contentType = value;
    if (name === 'transfer-encoding' && /chunked/i.test(value)) chunked = true;
    at = e + 2;
  }
  if (!isResponse && host) out.add(H.fullUri, offset, 0, `http://${host}${uri}`);
  // The request's response, or the response's request: matched in order on the connection by the analysis.
  const match = ctx.inner ? undefined : ctx.session?.transaction?.({ key: 'http', request: !isResponse, inOrder: true }, ctx);
  if (match?.number !== undefined) {
    if (!isResponse) {
      out.add(H.requestNumber, offset, 0, match.number, out.detail ? `[HTTP request ${match.number}]` : undefined);
      if (match.responseIn) out.add(H.responseIn, offset, 0, match.responseIn);
    } else {
      out.add(H.responseNumber, offset, 0, match.number, out.detail ? `[HTTP response ${match.number}]` : undefined);
      if (match.requestIn) {
        out.add(H.time, offset, 0, BigInt(match.deltaNs));
        out.add(H.requestIn, offset, 0, match.requestIn);
      }
      if (match.about) out.add(H.responseForUri, offset, 0, match.about);
    }
  }
  const mediaType = contentType.split(';')[0].trim();
  // The body, and the dissector that reads it (which names it in Info; the XML one does not).
  const body = (bytes: Uint8Array, from: number, to: number, bodyEnd: number): void => {
    const bodyLen = to - from;
    if (bodyLen > 0 && (contentLength < 0 || contentLength > 0)) {
      out.add(H.fileData, from, bodyLen, latin1(bytes, from, to), out.detail ? `File Data: ${bodyLen} bytes` : undefined);
    }
    out.close();
    const xml = bodyLen > 0 && isXmlMediaType(mediaType);
    if (isResponse && contentType && !xml) info += ` (${mediaType})`;
    if (ctx.columns && !ctx.inner) ctx.cols.info = info;
    if (xml) ctx.call('xml', from, bodyEnd);
    else if (bodyLen > 0 && contentType.startsWith('text/')) ctx.call('data-text-lines', from, bodyEnd, false, mediaType);
    else if (bodyLen > 0 && contentLength !== 0) ctx.call('data', from, bodyEnd);
  };
  // A chunked body is read from its de-chunked bytes, a data source of their own.
  const dechunked = chunked && stop > at ? dechunk(data, at, stop) : undefined;
  if (dechunked) ctx.withSource(DECHUNKED, dechunked, () => body(dechunked, 0, dechunked.length, dechunked.length));
  else body(data, at, stop, end);
  if (end > data.length) ctx.truncated('HTTP');
  return end;
};

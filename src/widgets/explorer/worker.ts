// The explorer's Web Worker: holds the capture the reader opened (it never
// leaves the browser) and answers the page's requests (protocol.ts). Long
// work reports progress and yields between slices, so requests for the rows
// in view are answered while a filter runs through every frame.

import { openWorkspace, openWorkspaceFrom, type Workspace } from './workspace.ts';
import { PREVIEW_BYTES, type ReplyMessage, type RequestMessage, type Requests } from './protocol.ts';

let workspace: Workspace | undefined;
/** Bumped by each new filter: an older one still running stops at its next pause. */
let filterTicket = 0;

const post = (message: ReplyMessage, transfer: Transferable[] = []) => postMessage(message, { transfer });
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A pause that lets other requests in, and stops the work once another capture replaced `ws`. */
const yieldUnless = (ws: Workspace) => async () => {
  await macrotask();
  return workspace !== ws;
};

function need(): Workspace {
  if (!workspace) throw new Error('no capture is open');
  return workspace;
}

async function handle(message: RequestMessage): Promise<{ result: unknown; transfer: Transferable[] }> {
  switch (message.kind) {
    case 'preview': {
      const { file } = message.args as Requests['preview']['args'];
      filterTicket++;
      // The head of the file: its last record is usually cut, which the preview does not report.
      const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
      workspace = openWorkspace(bytes);
      const { error: _cut, ...opened } = workspace.opened;
      return { result: opened, transfer: [] };
    }
    case 'open': {
      const { file } = message.args as Requests['open']['args'];
      // The preview (if any) keeps answering for the rows in view while the whole file is read.
      filterTicket++;
      workspace = await openWorkspaceFrom(file);
      return { result: workspace.opened, transfer: [] };
    }
    case 'rows':
      return { result: need().rows((message.args as Requests['rows']['args']).numbers), transfer: [] };
    case 'frame': {
      const { n, after } = message.args as Requests['frame']['args'];
      const detail = need().frame(n, after);
      return { result: detail, transfer: [detail.data.buffer] };
    }
    case 'filter': {
      const ticket = ++filterTicket;
      const outcome = await need().filter((message.args as Requests['filter']['args']).text, {
        progress: (done, total) => post({ progress: { stage: 'filter', done, total } }),
        pause: async () => {
          await macrotask();
          return ticket !== filterTicket;
        },
      });
      return { result: outcome, transfer: outcome.ok ? [outcome.matches.buffer] : [] };
    }
    case 'conversations':
      return { result: need().conversations(), transfer: [] };
    case 'ladder':
      return { result: need().ladder((message.args as Requests['ladder']['args']).stream), transfer: [] };
    case 'follow': {
      const { proto, stream } = message.args as Requests['follow']['args'];
      const ws = need();
      const result = await ws.follow(proto, stream, { pause: yieldUnless(ws) });
      return { result, transfer: result.records.map((r) => r.bytes.buffer as ArrayBuffer) };
    }
    case 'stats': {
      const ws = need();
      const result = await ws.stats({ progress: (done, total) => post({ progress: { stage: 'stats', done, total } }), pause: yieldUnless(ws) });
      return { result, transfer: [] };
    }
    case 'graph': {
      const { stream, kind, dir } = message.args as Requests['graph']['args'];
      return { result: need().graph(stream, kind, dir), transfer: [] };
    }
    case 'graphDetail': {
      const { stream, kind, dir, t0, t1 } = message.args as Requests['graphDetail']['args'];
      return { result: need().graphDetail(stream, kind, dir, t0, t1), transfer: [] };
    }
    case 'graphRows': {
      const { stream, kind, dir, from, to } = message.args as Requests['graphRows']['args'];
      return { result: need().graphRows(stream, kind, dir, from, to), transfer: [] };
    }
  }
}

addEventListener('message', (event: MessageEvent<RequestMessage>) => {
  const message = event.data;
  handle(message).then(
    ({ result, transfer }) => post({ id: message.id, ok: true, result }, transfer),
    (e: unknown) => post({ id: message.id, ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
});

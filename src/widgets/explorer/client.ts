// The page's side of the explorer's Worker: one request, one promise.
import type { ReplyMessage, RequestKind, Requests } from './protocol.ts';

export type Progress = Extract<ReplyMessage, { progress: unknown }>['progress'];

export class ExplorerClient {
  readonly #worker: Worker;
  #next = 1;
  readonly #waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  onProgress?: (p: Progress) => void;

  constructor() {
    this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'wirebook-decoder' });
    this.#worker.addEventListener('message', (e: MessageEvent<ReplyMessage>) => {
      const m = e.data;
      if ('progress' in m) return this.onProgress?.(m.progress);
      const w = this.#waiting.get(m.id);
      if (!w) return;
      this.#waiting.delete(m.id);
      if (m.ok) w.resolve(m.result);
      else w.reject(new Error(m.message));
    });
    this.#worker.addEventListener('error', (e) => {
      for (const w of this.#waiting.values()) w.reject(new Error(e.message || 'the decoder stopped'));
      this.#waiting.clear();
    });
  }

  request<K extends RequestKind>(kind: K, args: Requests[K]['args']): Promise<Requests[K]['result']> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage({ id, kind, args });
    });
  }
}

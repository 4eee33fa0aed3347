import { describe, expect, it } from 'vitest';
import {
  STORAGE_KEY,
  emptyProgress,
  exportProgress,
  importProgress,
  loadProgress,
  recordAnswer,
  resetLesson,
  saveProgress,
  type Progress,
} from '../../src/widgets/quiz/storage.ts';

/** A Storage in memory, as the browser's localStorage behaves. */
function memoryStorage(entries: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

const at = new Date('2026-11-25T10:00:00Z');

function sample(): Progress {
  const p = emptyProgress();
  recordAnswer(p, 'udp', 'udp-header-size', false, [1], at);
  recordAnswer(p, 'udp', 'udp-header-size', true, [0], at);
  recordAnswer(p, 'tcp-connection', 'ack', true, '214', at);
  return p;
}

describe('progress storage', () => {
  it('saves and loads what was answered, counting tries', () => {
    const store = memoryStorage();
    expect(saveProgress(store, sample())).toBe(true);
    const { progress, problem } = loadProgress(store);
    expect(problem).toBeUndefined();
    expect(progress.lessons.udp['udp-header-size']).toEqual({ state: 'correct', tries: 2, answer: [0], at: at.toISOString() });
  });

  it('starts empty with nothing stored, or without storage at all', () => {
    expect(loadProgress(memoryStorage())).toEqual({ progress: emptyProgress() });
    expect(loadProgress(undefined)).toEqual({ progress: emptyProgress() });
  });

  it('resets a damaged entry and says so', () => {
    for (const text of ['{not json', '[]', '{"version":1}', '{"version":1,"lessons":{"udp":{"q":{"state":"maybe","tries":1,"at":"2026-01-01"}}}}']) {
      const store = memoryStorage({ [STORAGE_KEY]: text });
      expect(loadProgress(store)).toEqual({ progress: emptyProgress(), problem: 'corrupt' });
      expect(store.getItem(STORAGE_KEY)).toBeNull();
    }
  });

  it('resets an entry of another version, and old keys, as "old"', () => {
    const store = memoryStorage({ [STORAGE_KEY]: '{"version":0,"lessons":{}}' });
    expect(loadProgress(store).problem).toBe('old');
    const legacy = memoryStorage({ 'wirebook.progress': '{"x":1}', [STORAGE_KEY]: JSON.stringify(sample()) });
    const loaded = loadProgress(legacy);
    expect(loaded.problem).toBe('old');
    expect(loaded.progress.lessons.udp).toBeDefined();
    expect(legacy.getItem('wirebook.progress')).toBeNull();
  });

  it('survives a browser that refuses to store', () => {
    const refusing = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as Storage;
    expect(saveProgress(refusing, sample())).toBe(false);
  });

  it('resets one lesson or all', () => {
    const p = sample();
    resetLesson(p, 'udp');
    expect(Object.keys(p.lessons)).toEqual(['tcp-connection']);
    resetLesson(p);
    expect(p.lessons).toEqual({});
  });
});

describe('export and import', () => {
  it('round-trips', () => {
    const text = exportProgress(sample(), at);
    expect(JSON.parse(text)).toMatchObject({ format: 'wirebook-progress', version: 1, exported: at.toISOString() });
    expect(importProgress(text)).toEqual({ ok: true, progress: sample(), answers: 2 });
  });

  it('refuses other files with the reason', () => {
    expect(importProgress('hello')).toEqual({ ok: false, reason: 'not-json' });
    expect(importProgress('{"version":1,"lessons":{}}')).toEqual({ ok: false, reason: 'not-progress' });
    expect(importProgress('{"format":"wirebook-progress","version":2,"lessons":{}}')).toEqual({ ok: false, reason: 'newer' });
    const bad = importProgress('{"format":"wirebook-progress","version":1,"lessons":{"udp":{"q":{"state":"correct","tries":0,"at":"2026-01-01"}}}}');
    expect(bad).toEqual({ ok: false, reason: 'damaged', detail: 'question "udp/q" has no valid count of tries' });
  });
});

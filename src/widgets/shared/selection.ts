// One selection per capture per page: selecting frame 7 or field tcp.ack in
// any widget (or from a link in the lesson text) selects it in all of them.

export interface Selection {
  frame: number;
  /** Wireshark field name, e.g. "tcp.ack". */
  field?: string;
  /** Byte range within the frame, when a byte or a field was chosen. */
  offset?: number;
  length?: number;
}

export type SelectionListener = (selection: Selection, source: unknown) => void;

export interface SelectionBus {
  readonly current: Selection | undefined;
  /** Select, telling every listener; `source` lets a widget ignore its own echo. */
  select(selection: Selection, source?: unknown): void;
  subscribe(listener: SelectionListener): () => void;
}

function createSelectionBus(): SelectionBus {
  const listeners = new Set<SelectionListener>();
  let current: Selection | undefined;
  return {
    get current() {
      return current;
    },
    select(selection, source) {
      if (current && sameSelection(current, selection)) return;
      current = { ...selection };
      for (const listener of [...listeners]) listener(current, source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function sameSelection(a: Selection, b: Selection): boolean {
  return a.frame === b.frame && a.field === b.field && a.offset === b.offset && a.length === b.length;
}

const buses = new Map<string, SelectionBus>();

/** The page's bus for one capture (by capture id), created on first use. */
export function selectionFor(captureId: string): SelectionBus {
  let bus = buses.get(captureId);
  if (!bus) {
    bus = createSelectionBus();
    buses.set(captureId, bus);
  }
  return bus;
}

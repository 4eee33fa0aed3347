// Builds Field nodes, with display lines, as Wireshark's details pane nests them.

import type { Field, FieldValue, Severity } from '../types.ts';
import type { Sink } from './sink.ts';
import type { FieldSpec } from './spec.ts';
import { displayLine, showText } from './format.ts';
import { rawValue } from './raw.ts';

export class TreeSink implements Sink {
  readonly detail = true;
  /** Top-level nodes of the current frame. */
  roots: Field[] = [];
  private stack: Field[][] = [];
  private openNodes: Field[] = [];
  private last: Field | undefined;
  private data: Uint8Array = new Uint8Array(0);
  /** Data source of the nodes being made; undefined for the frame. */
  private src: string | undefined = undefined;

  wants(spec: FieldSpec): boolean {
    return !spec.hidden;
  }

  wantsAny(): boolean {
    return true;
  }

  begin(data: Uint8Array): void {
    this.data = data;
    this.roots = [];
    this.stack = [this.roots];
    this.openNodes = [];
    this.last = undefined;
    this.src = undefined;
  }

  source(name: string | undefined, data: Uint8Array): void {
    this.src = name;
    this.data = data;
  }

  private node(spec: FieldSpec, offset: number, length: number, value: FieldValue | undefined, display?: string): Field {
    const v = value === undefined ? rawValue(spec, this.data, offset, length) : value;
    const f: Field = {
      name: spec.name,
      label: spec.label,
      offset,
      length,
      value: v,
      display: display ?? displayLine(spec, v),
      show: showText(spec, v),
    };
    if (spec.mask) f.mask = spec.mask;
    if (spec.generated) f.generated = true;
    if (this.src !== undefined) f.source = this.src;
    this.stack[this.stack.length - 1].push(f);
    this.last = f;
    return f;
  }

  add(spec: FieldSpec, offset: number, length: number, value?: FieldValue, display?: string): void {
    if (spec.hidden) return;
    this.node(spec, offset, length, value, display);
  }

  open(spec: FieldSpec, offset: number, length: number, value?: FieldValue, display?: string): void {
    const f = spec.hidden
      ? ({ name: spec.name, label: spec.label, offset, length, value: null, display: '', show: '' } as Field)
      : this.node(spec, offset, length, value, display);
    f.children = [];
    this.stack.push(f.children);
    this.openNodes.push(f);
  }

  openText(display: string, offset: number, length: number): void {
    const f: Field = { name: '', label: display, offset, length, value: null, display, show: '', children: [] };
    if (this.src !== undefined) f.source = this.src;
    this.stack[this.stack.length - 1].push(f);
    this.stack.push(f.children!);
    this.openNodes.push(f);
    this.last = f;
  }

  text(display: string, offset: number, length: number): void {
    const f: Field = { name: '', label: display, offset, length, value: null, display, show: '' };
    if (this.src !== undefined) f.source = this.src;
    this.stack[this.stack.length - 1].push(f);
    this.last = f;
  }

  close(): void {
    if (this.stack.length > 1) {
      this.stack.pop();
      this.last = this.openNodes.pop();
    }
  }

  current(): unknown {
    return this.openNodes[this.openNodes.length - 1];
  }

  reopen(handle: unknown): void {
    const f = handle as Field | undefined;
    if (!f?.children) {
      this.openText('', 0, 0);
      return;
    }
    this.stack.push(f.children);
    this.openNodes.push(f);
  }

  finish(length: number, display?: string): void {
    const f = this.openNodes[this.openNodes.length - 1];
    if (!f) return;
    f.length = length;
    if (display !== undefined) {
      f.display = display;
      if (f.name && typeof f.value === 'string') {
        f.value = display;
        f.show = display;
      }
    }
  }

  expert(name: string, severity: Severity, message: string): void {
    const f = this.last;
    if (!f) return;
    (f.expert ??= []).push({ name, severity, message });
  }
}

// <wb-checksum>: the server-rendered checksum table made editable. Each word
// becomes a hex input; every change re-adds the words and updates the running
// sums, the result and the verdict. The packet's checksum never changes: the
// student plays the network that damaged the datagram, and sees the receiver's
// check fail.

import { checksum } from '../../lib/strings/checksum.ts';
import { hex16, parseHex16 } from './ones-complement.ts';
import { calculate, sumCellHtml, verdictText, wordLabel, wordText } from './render.ts';
import type { ChecksumWord, WordPart, WordRole } from './udp-words.ts';

const t = checksum;

class ChecksumElement extends HTMLElement {
  #words: ChecksumWord[] = [];
  #original: number[] = [];
  #inputs: (HTMLInputElement | null)[] = [];
  #rows: HTMLTableRowElement[] = [];
  #inPacket = 0;
  #target = -1;

  connectedCallback(): void {
    if (this.#rows.length) return;
    this.#inPacket = Number(this.dataset.inPacket);
    this.#rows = [...this.querySelectorAll<HTMLTableRowElement>('tr[data-index]')];
    this.#words = this.#rows.map((row) => {
      const word: ChecksumWord = {
        part: row.dataset.part as WordPart,
        role: row.dataset.role as WordRole,
        value: Number(row.querySelector<HTMLElement>('[data-value]')?.dataset.value ?? 0),
      };
      if (row.dataset.offset !== undefined) word.offset = Number(row.dataset.offset);
      if (row.hasAttribute('data-padded')) word.padded = true;
      return word;
    });
    this.#original = this.#words.map((w) => w.value);
    this.#inputs = this.#rows.map((row, i) => (row.hasAttribute('data-fixed') ? null : this.#makeInput(row, i)));
    this.#target = this.#words.findIndex((w) => w.part === 'data');
    const controls = this.querySelector<HTMLElement>('[data-controls]');
    if (controls) controls.hidden = false;
    this.querySelector('[data-flip]')?.addEventListener('click', this.#flip);
    this.querySelector('[data-reset]')?.addEventListener('click', this.#reset);
  }

  #makeInput(row: HTMLTableRowElement, i: number): HTMLInputElement {
    const cell = row.querySelector<HTMLElement>('[data-value-cell]')!;
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'ck-input';
    input.value = hex16(this.#words[i].value).slice(2);
    input.maxLength = 6;
    input.size = 6;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.setAttribute('autocapitalize', 'off');
    const what = row.querySelector('.ck-what')?.textContent ?? '';
    input.setAttribute('aria-label', t.edit(i + 1, what));
    input.addEventListener('input', () => this.#edited(i));
    input.addEventListener('focus', () => (this.#target = i));
    input.addEventListener('keydown', (e) => this.#key(e, i));
    const prefix = document.createElement('span');
    prefix.className = 'ck-prefix';
    prefix.textContent = '0x';
    prefix.setAttribute('aria-hidden', 'true');
    cell.replaceChildren(prefix, input);
    return input;
  }

  /** Up and Down move between the word inputs, like moving through a column. */
  #key(e: KeyboardEvent, i: number): void {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const step = e.key === 'ArrowUp' ? -1 : 1;
    for (let j = i + step; j >= 0 && j < this.#inputs.length; j += step) {
      const next = this.#inputs[j];
      if (next) {
        e.preventDefault();
        next.focus();
        next.select();
        return;
      }
    }
  }

  #edited(i: number): void {
    const input = this.#inputs[i]!;
    const value = parseHex16(input.value);
    const error = this.querySelector<HTMLElement>('[data-error]');
    if (value === null) {
      input.setAttribute('aria-invalid', 'true');
      if (error) error.textContent = t.invalid;
      return;
    }
    input.removeAttribute('aria-invalid');
    if (error && !this.querySelector('[aria-invalid="true"]')) error.textContent = '';
    this.#words[i] = { ...this.#words[i], value };
    this.#update();
  }

  #flip = (): void => {
    const i = this.#target >= 0 && this.#inputs[this.#target] ? this.#target : this.#words.findIndex((w) => w.part === 'data');
    if (i < 0) return;
    const value = this.#words[i].value ^ 0x0001;
    this.#words[i] = { ...this.#words[i], value };
    this.#inputs[i]!.value = hex16(value).slice(2);
    this.#inputs[i]!.removeAttribute('aria-invalid');
    this.#update(t.flipped(i + 1, hex16(value)));
  };

  #reset = (): void => {
    this.#original.forEach((value, i) => {
      this.#words[i] = { ...this.#words[i], value };
      const input = this.#inputs[i];
      if (input) {
        input.value = hex16(value).slice(2);
        input.removeAttribute('aria-invalid');
      }
    });
    const error = this.querySelector<HTMLElement>('[data-error]');
    if (error) error.textContent = '';
    this.#update(t.resetDone);
  };

  /** Redraws the sums, the result and the verdict; `news` is said before the verdict. */
  #update(news?: string): void {
    const r = calculate(this.#words, this.#inPacket);
    this.#rows.forEach((row, i) => {
      const changed = this.#words[i].value !== this.#original[i];
      row.toggleAttribute('data-changed', changed);
      const sum = row.querySelector<HTMLElement>('[data-sum]');
      if (sum) sum.innerHTML = sumCellHtml(r.steps[i]);
      // Address words name their value ("192.168"): keep the name true to the edit.
      if (this.#words[i].part === 'pseudo') {
        const what = row.querySelector<HTMLElement>('.ck-what');
        const label = wordLabel(this.#words[i]);
        if (what && what.textContent !== label) {
          what.textContent = label;
          this.#inputs[i]?.setAttribute('aria-label', t.edit(i + 1, label));
        }
      }
      const text = row.querySelector<HTMLElement>('[data-text] code');
      if (text) text.textContent = wordText(this.#words[i].value, this.#words[i].padded);
    });
    const set = (sel: string, v: string) => {
      const el = this.querySelector<HTMLElement>(sel);
      if (el) el.textContent = v;
    };
    set('[data-total]', hex16(r.sum));
    set('[data-computed]', hex16(r.computed));
    const verdict = this.querySelector<HTMLElement>('[data-verdict]');
    if (verdict) {
      verdict.dataset.verdict = r.verdict;
      const text = verdictText(r.verdict, r.computed, this.#inPacket);
      verdict.textContent = news ? `${news} ${text}` : text;
    }
  }
}

if (!customElements.get('wb-checksum')) customElements.define('wb-checksum', ChecksumElement);

// Server render of the quiz components (Container API): the markup the
// browser script takes over, and what a reader without JavaScript gets.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../src/decoder/open-capture.ts';
import { setCaptureLoader } from '../../src/lib/quiz/capture-source.ts';
import Choice from '../../src/components/quiz/Choice.astro';
import Option from '../../src/components/quiz/Option.astro';
import Answer from '../../src/components/quiz/Answer.astro';
import Order from '../../src/components/quiz/Order.astro';
import Step from '../../src/components/quiz/Step.astro';
import Predict from '../../src/components/quiz/Predict.astro';
import FindField from '../../src/components/quiz/FindField.astro';

// The content layer is not running here: read the recorded captures directly.
setCaptureLoader(async (id) => openCapture(new Uint8Array(readFileSync(`captures/recorded/${id}.pcapng`))));

const lessonRequest = () => new Request('http://localhost/lessons/udp/');

/** Renders a component in a lesson page, with children given as raw HTML strings. */
async function render(component: unknown, props: Record<string, unknown>, slot = '', request = lessonRequest()): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(component as never, { props, slots: { default: slot }, request });
}

async function option(props: Record<string, unknown>, text: string): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(Option as never, { props, slots: { default: text } });
}

const key = (html: string) =>
  JSON.parse(
    /data-key="([^"]*)"/
      .exec(html)![1]
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );

describe('Choice', () => {
  it('renders options, the hooks and the answer in a disclosure', async () => {
    const options = (await option({ correct: true, explain: 'Four `16-bit` fields.' }, '8 bytes')) + (await option({ explain: 'That is TCP.' }, '20 bytes'));
    const html = await render(Choice, { id: 'size', hints: ['Count the fields.'], explain: 'Always eight.' }, `<p>How long is a UDP header?</p>${options}`);
    expect(html).toMatch(/<wb-question[^>]*data-question="size"/);
    expect(html).toMatch(/data-kind="choice"/);
    expect(html).not.toMatch(/data-state=/);
    expect(html).toContain('How long is a UDP header?');
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(key(html)).toEqual({ right: [0], multiple: false });
    // Without JavaScript: the answer and explanation wait in a closed <details>.
    const details = /<details class="answer-key"[^>]*>([\s\S]*?)<\/details>/.exec(html)![1];
    expect(details).toContain('<summary>Show the answer</summary>');
    expect(details).toMatch(/✓ Right:<\/span> 8 bytes — Four <code>16-bit<\/code> fields\./);
    expect(details).toContain('Always eight.');
    expect(html).not.toMatch(/<details class="answer-key"[^>]* open/);
    // The check button is hidden until the script takes over; hints are a disclosure too.
    expect(html).toMatch(/<div class="actions" data-actions hidden/);
    expect(html).toMatch(/<details class="hints"[^>]*>\s*<summary>Hint<\/summary>/);
  });

  it('uses checkboxes when several options are right', async () => {
    const options = (await option({ correct: true }, 'a')) + (await option({ correct: true }, 'b')) + (await option({}, 'c'));
    const html = await render(Choice, { id: 'multi', question: 'Pick two' }, options);
    expect(html.match(/type="checkbox"/g)).toHaveLength(3);
    expect(html).toContain('Choose every right answer.');
  });

  it('fails the build without a right option, naming the lesson and question', async () => {
    const options = (await option({}, 'a')) + (await option({}, 'b'));
    await expect(render(Choice, { id: 'none', question: 'Q' }, options)).rejects.toThrow(
      /lessons\/udp(\.mdx)?: question "none": no <Option> is marked correct|lessons\/02-udp\.mdx: question "none": no <Option> is marked correct/,
    );
  });

  it('fails the build on an id used twice in one lesson', async () => {
    const request = lessonRequest();
    const options = (await option({ correct: true }, 'a')) + (await option({}, 'b'));
    await render(Choice, { id: 'twice', question: 'Q' }, options, request);
    await expect(render(Choice, { id: 'twice', question: 'Q' }, options, request)).rejects.toThrow(/question "twice": this id is used twice/);
  });
});

describe('Answer', () => {
  it('renders a literal numeric answer with its tolerance', async () => {
    const html = await render(Answer, { id: 'rtt', answer: 0.2, tolerance: '5%', unit: 's' }, '<p>Round trip?</p>');
    expect(key(html)).toMatchObject({ kind: 'number', values: [0.2] });
    expect(html).toMatch(/<label for="q-rtt-input">Your answer<\/label>/);
    expect(html).toContain('Answers within 5% count as right.');
    expect(html).toMatch(/<strong>Answer:<\/strong> 0\.2 s/);
  });

  it('shows a hex key in hex, with its decimal value, when the question asks for hex', async () => {
    // Frame 1 of udp-dns carries the UDP checksum 0xa965 (tshark); the sum before inversion is 0xffff - 0xa965.
    const spec = { id: 'sum', capture: 'udp-dns', answer: { expr: 'frame 1 0xffff - udp.checksum' } };
    const hex = await render(Answer, { ...spec, base: 'hex' }, '<p>The sum, in hex?</p>');
    expect(key(hex).values).toEqual([0x569a]);
    expect(hex).toMatch(/<strong>Answer:<\/strong> 0x569a \(22,170 in decimal\)/);
    const plain = await render(Answer, spec, '<p>The sum?</p>');
    expect(plain).toMatch(/<strong>Answer:<\/strong> 22,170<\/p>/);
    expect(plain).not.toContain('0x569a');
  });

  it('resolves a capture reference at build time', async () => {
    const html = await render(Answer, { id: 'ack5', capture: 'tcp-http', answer: { frame: 5, field: 'tcp.ack' } }, '<p>What does frame 5 acknowledge?</p>');
    const k = key(html);
    expect(k.values).toEqual([214]);
    expect(k.near[0].why).toBe('raw');
    expect(html).toContain('Relative numbers, as Wireshark shows them by default.');
    expect(html).toMatch(/<strong>Answer:<\/strong> 214/);
  });

  it('fails the build when the field is not in the frame', async () => {
    await expect(render(Answer, { id: 'bad', capture: 'tcp-http', answer: { frame: 3, field: 'tcp.options.wscale.shift' } }, '<p>Q</p>')).rejects.toThrow(
      /question "bad": frame 3 has no field tcp\.options\.wscale\.shift/,
    );
  });
});

describe('Order', () => {
  it('shows the steps shuffled, with the right order in the disclosure', async () => {
    const steps = ['SYN', 'SYN, ACK', 'ACK'];
    let slot = '<p>Put the handshake in order.</p>';
    for (const s of steps) slot += await (await AstroContainer.create()).renderToString(Step as never, { slots: { default: s } });
    const html = await render(Order, { id: 'hs' }, slot);
    const shown = [...html.matchAll(/<li class="step" data-step="(\d)"/g)].map((m) => Number(m[1]));
    expect([...shown].sort()).toEqual([0, 1, 2]);
    expect(shown).not.toEqual([0, 1, 2]);
    expect(html).toMatch(/<ol><li>SYN<\/li><li>SYN, ACK<\/li><li>ACK<\/li><\/ol>/);
    expect(html).toMatch(/aria-label="Move up: SYN, ACK"/);
  });
});

describe('Predict and FindField', () => {
  it('predicts frame 3 of tcp-http with values from the capture', async () => {
    const html = await render(Predict, { id: 'p3', capture: 'tcp-http', frame: 3, ask: ['flags', 'seq', 'ack', 'window'] }, '<p>Predict frame 3.</p>');
    const k = key(html);
    expect(k.flags).toBe(0x10);
    expect(k.numbers.seq.values).toEqual([1]);
    expect(k.numbers.ack.values).toEqual([1]);
    expect(k.numbers.window.values).toEqual([64512]);
    expect(html).toMatch(/<input type="checkbox" value="16" data-flag/);
    expect(html).toContain('The real frame 3:</strong> <code>10.77.0.1 → 10.77.0.2, 36450 → 80 [ACK] Seq=1 Ack=1 Win=64512 Len=0</code>');
  });

  it('refuses TCP questions on a frame that is not TCP, and says how to ask instead', async () => {
    await expect(render(Predict, { id: 'pu', capture: 'udp-dns', frame: 2 }, '<p>Q</p>')).rejects.toThrow(
      /question "pu": frame 2 is not a TCP segment: ask for its fields by name/,
    );
  });

  it('predicts any frame by field names, such as an ARP reply', async () => {
    const html = await render(
      Predict,
      { id: 'pa', capture: 'arp', frame: 2, ask: ['arp.opcode', 'eth.dst'] },
      '<p>Predict the reply.</p>',
      new Request('http://localhost/lessons/arp/'),
    );
    const k = key(html);
    expect(k.flags).toBeNull();
    expect(k.numbers['arp.opcode'].values).toEqual([2]);
    expect(k.numbers['eth.dst'].values).toEqual(['02:77:00:00:00:01']);
    expect(html).toMatch(/<label for="q-pa-arp-opcode"[^>]*>Opcode \(arp\.opcode\)<\/label>/);
    expect(html).toMatch(/<input id="q-pa-eth-dst" type="text" inputmode="text"/);
    expect(html).not.toContain('data-flag');
  });

  it('offers the layer fields as an accessible list and knows the bytes', async () => {
    const html = await render(FindField, { id: 'ws', capture: 'tcp-http', frame: 1, field: 'tcp.options.wscale.shift' }, '<p>Find the shift.</p>');
    const k = key(html);
    expect(k).toMatchObject({ frame: 1, field: 'tcp.options.wscale.shift', length: 1 });
    expect(html).toMatch(/<label for="q-ws-list">Or choose the field from the list<\/label>/);
    expect(html).toContain('<option value="tcp.options.wscale.shift">Shift count (tcp.options.wscale.shift)</option>');
    expect(html).toContain('<option value="tcp.window_size_value">');
    expect(html).toMatch(/Answer:<\/strong> Shift count \(<code>tcp\.options\.wscale\.shift<\/code>\), byte \d+ of frame 1/);
  });

  it('refuses a computed field, which no byte holds', async () => {
    await expect(render(FindField, { id: 'gen', capture: 'tcp-http', frame: 1, field: 'tcp.len' }, '<p>Q</p>')).rejects.toThrow(
      /question "gen": .*(computed|no field)/,
    );
  });
});

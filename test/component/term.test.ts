import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it, vi } from 'vitest';
import Term from '../../src/components/Term.astro';
import Mistake from '../../src/components/Mistake.astro';

vi.mock('../../src/lib/glossary.ts', () => import('./support/glossary-from-disk.ts'));

describe('Term (server render)', () => {
  it('links the glossary and carries the definition as the link description', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Term, { props: { id: 'mss' }, slots: { default: 'MSS' } });
    const link = /<a href="\/glossary\/#mss" aria-describedby="([^"]+)"[^>]*>MSS<\/a>/.exec(html);
    expect(link).not.toBeNull();
    expect(html).toMatch(new RegExp(`role="tooltip" id="${link![1]}"`));
    expect(html).toMatch(/<strong[^>]*>MSS<\/strong>/);
    expect(html).toContain('(Maximum Segment Size)');
    expect(html).toContain('1460 comes from');
  });

  it('gives each use on a page its own description id', async () => {
    const container = await AstroContainer.create();
    const a = await container.renderToString(Term, { props: { id: 'isn' }, slots: { default: 'ISN' } });
    const b = await container.renderToString(Term, { props: { id: 'isn' }, slots: { default: 'ISN' } });
    const id = (html: string) => /aria-describedby="([^"]+)"/.exec(html)![1];
    expect(id(a)).not.toBe(id(b));
  });

  it('fails the build on an unknown id, naming the nearest one', async () => {
    const container = await AstroContainer.create();
    await expect(container.renderToString(Term, { props: { id: 'msss' }, slots: { default: 'MSS' } })).rejects.toThrow(
      /<Term id="msss">: there is no content\/glossary\/msss\.yaml\. Did you mean "mss"\?/,
    );
  });
});

describe('Mistake (server render)', () => {
  it('is a labelled aside with its title and body', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Mistake, {
      props: { title: 'The ISN is not 0' },
      slots: { default: '<p>Wireshark shows relative numbers.</p>' },
    });
    const labelled = /<aside class="mistake[^"]*" aria-labelledby="([^"]+)"/.exec(html);
    expect(labelled).not.toBeNull();
    expect(html).toMatch(new RegExp(`id="${labelled![1]}"[^>]*>[\\s\\S]*Common mistake:[\\s\\S]*The ISN is not 0`));
    expect(html).toContain('<p>Wireshark shows relative numbers.</p>');
  });
});

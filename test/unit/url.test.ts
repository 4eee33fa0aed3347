import { describe, expect, it } from 'vitest';
import { href, lessonHref } from '../../src/lib/url.ts';

describe('href', () => {
  it('joins paths to the site root', () => {
    expect(href('', '/')).toBe('/');
    expect(href('lessons/udp/', '/')).toBe('/lessons/udp/');
  });

  it('keeps every link under a base path', () => {
    expect(href('', '/wirebook/')).toBe('/wirebook/');
    expect(href('/pagefind/', '/wirebook/')).toBe('/wirebook/pagefind/');
    expect(href('x', '/wirebook')).toBe('/wirebook/x');
    expect(lessonHref('tcp-setup', '/wirebook/')).toBe('/wirebook/lessons/tcp-setup/');
  });
});

import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import LessonPager from '../../src/components/LessonPager.astro';
import CourseOutline from '../../src/components/CourseOutline.astro';

describe('LessonPager', () => {
  it('links to the previous and next lessons', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(LessonPager, {
      props: { previous: { id: 'intro', title: 'Reading a capture' }, next: { id: 'tcp-setup', title: 'TCP connection setup' } },
    });
    expect(html).toMatch(/<a[^>]*href="\/lessons\/intro\/"[^>]*rel="prev"/);
    expect(html).toMatch(/<a[^>]*href="\/lessons\/tcp-setup\/"[^>]*rel="next"/);
    expect(html).toContain('Reading a capture');
    expect(html).toContain('aria-label="Lesson navigation"');
  });

  it('renders no previous link on the first lesson', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(LessonPager, { props: { next: { id: 'udp', title: 'UDP' } } });
    expect(html).not.toContain('rel="prev"');
    expect(html).toContain('rel="next"');
  });
});

describe('CourseOutline', () => {
  it('numbers the lessons and marks the current one for screen readers', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(CourseOutline, {
      props: {
        lessons: [
          { id: 'intro', title: 'Reading a capture' },
          { id: 'udp', title: 'UDP' },
        ],
        current: 'udp',
      },
    });
    expect(html.match(/<li\b/g)).toHaveLength(2);
    expect(html).toMatch(/href="\/lessons\/udp\/"[^>]*aria-current="page"/);
    expect(html).not.toMatch(/href="\/lessons\/intro\/"[^>]*aria-current/);
    expect(html).toContain('(current lesson)');
  });
});

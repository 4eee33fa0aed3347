// The door to a lesson page's frame: objectives, pager, outline's strings, in the site's language.
export { lesson } from '../../../content/strings/en/lesson.ts';

// The door to the questions of a lesson's strings, in the site's language.
export { quiz } from '../../../content/strings/en/quiz.ts';

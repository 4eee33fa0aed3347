// The door to the saved-answers notice's strings, in the site's language.
export { savedAnswers } from '../../../content/strings/en/savedAnswers.ts';

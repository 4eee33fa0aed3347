// The strings of the notice about saved quiz answers (lessons and the progress page), in English.
export const savedAnswers = {
  corrupt: 'Your saved quiz answers could not be read, so they were reset. New answers are saved from now on.',
  old: 'Your saved quiz answers came from an older version of Wirebook and were reset.',
  unsaved: 'This browser does not let the page save your answers; they will be lost when you leave.',
} as const;

// The strings of the common-mistake boxes, in English.
export const mistake = {
  label: 'Common mistake',
} as const;

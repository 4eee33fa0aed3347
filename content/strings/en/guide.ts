// The strings of the instructors' guide, in English.
export const guide = {
  eyebrow: "Instructors' guide",
  footerLink: "Instructors' guide: writing a lesson",
} as const;

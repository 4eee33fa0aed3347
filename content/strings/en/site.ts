// The strings of the site's frame: header, navigation, footer, in English.
export const site = {
  /** The language of these strings (BCP 47), for <html lang>. */
  lang: 'en',
  name: 'Wirebook',
  tagline: 'Learn how UDP, TCP and ARP really behave, by reading real packets.',
  skipToContent: 'Skip to content',
  mainNav: 'Main',
  menu: 'Menu',
  course: 'Course',
  footerCode: 'Code under the MIT licence; lessons under CC BY-SA 4.0.',
  footerOrigin: "The course's scenarios come from a student's Wireshark report on transport-layer traffic.",
} as const;

// @ts-check
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import searchIndex from './src/integrations/search-index.ts';
import lessonCheck from './src/integrations/lesson-check.ts';
import { displayFilter } from './src/shiki/display-filter.ts';
import { hexDump } from './src/shiki/hex-dump.ts';

// The site may be served under a sub-path (a project page on a static host):
// WIREBOOK_BASE=/wirebook/ npm run build. Every link goes through Astro's base.
const base = process.env.WIREBOOK_BASE ?? '/';

// Interface strings are content/strings/<language>/<section>.ts, imported as
// .../content/strings/en/...; WIREBOOK_LANG=ko builds from content/strings/ko/
// instead, so a translation is files added beside English, no code changed.
const lang = process.env.WIREBOOK_LANG ?? 'en';
const stringsLanguage = {
  name: 'wirebook-strings-language',
  enforce: /** @type {const} */ ('pre'),
  /** @param {string} source @param {string | undefined} importer */
  resolveId(source, importer) {
    if (lang === 'en' || !importer || !source.includes('/content/strings/en/')) return null;
    return resolve(dirname(importer.split('?')[0]), source.replace('/content/strings/en/', `/content/strings/${lang}/`));
  },
};

export default defineConfig({
  base,
  // Pages are linked with a trailing slash, but capture files are served at
  // /captures/NAME.pcapng: 'always' would 404 them in the dev server.
  trailingSlash: 'ignore',
  outDir: process.env.WIREBOOK_OUT_DIR ?? './dist',
  integrations: [lessonCheck(), mdx(), searchIndex()],
  markdown: {
    shikiConfig: {
      // github-dark-default: its comments keep 4.5:1 contrast on the dark background.
      themes: { light: 'github-light', dark: 'github-dark-default' },
      // Both themes as CSS variables; global.css picks the system's.
      defaultColor: false,
      // Wireshark display filters (```dfilter) and hex dumps (```hexdump).
      langs: [displayFilter, hexDump],
    },
  },
  devToolbar: { enabled: false },
  vite: { plugins: [stringsLanguage] },
  // A Content Security Policy in a <meta> tag on every page (a static host sends
  // no headers of ours). Scripts: the site's own files and the hashes of its
  // inline scripts, plus WebAssembly for the search index (Pagefind); workers:
  // the site's own (the capture explorer's decoder); nothing from elsewhere.
  // Styles allow inline: the code highlighter writes its colours as style
  // attributes, and no script can ride in on a style.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "worker-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
});

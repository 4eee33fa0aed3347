import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { captureSchema, glossarySchema, lessonSchema } from './content/schemas.ts';

/** The file name without its extension: lessons/03-tcp-setup.mdx -> "03-tcp-setup". */
const baseName = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

/** Lesson ids drop the file's ordering prefix: 03-tcp-setup.mdx -> "tcp-setup". */
const lessonId = (options: { entry: string }) => baseName(options).replace(/^\d+-/, '');

const lessons = defineCollection({
  loader: glob({ base: './lessons', pattern: '*.mdx', generateId: lessonId }),
  schema: lessonSchema,
});

// Capture sidecars: captures/**/NAME.yaml beside NAME.pcapng. Rebuild specs
// (*.spec.yaml) and the recording scenarios are not sidecars.
const captures = defineCollection({
  loader: glob({ base: './captures', pattern: ['**/*.yaml', '!**/*.spec.yaml', '!record/**'], generateId: baseName }),
  schema: captureSchema,
});

// Key terms, one YAML file each: content/glossary/mss.yaml -> id "mss".
const glossary = defineCollection({
  loader: glob({ base: './content/glossary', pattern: '*.yaml', generateId: baseName }),
  schema: glossarySchema,
});

export const collections = { lessons, captures, glossary };

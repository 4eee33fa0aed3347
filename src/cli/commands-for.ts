// The commands a process needs: only the one named, when it is known, so that
// `wirebook fields` does not load the lesson and capture tools (their modules
// take about a third of the start-up); every command otherwise (help, an
// unknown name and its "did you mean").

import type { Command } from './command.ts';

const ONE: Readonly<Record<string, () => Promise<Command>>> = {
  fields: async () => (await import('./commands/fields.ts')).fieldsCommand,
  dissect: async () => (await import('./commands/dissect.ts')).dissectCommand,
  follow: async () => (await import('./commands/follow.ts')).followCommand,
  stats: async () => (await import('./commands/stats.ts')).statsCommand,
  capture: async () => (await import('./commands/capture-dispatch.ts')).captureCommand,
  lesson: async () => (await import('./commands/lesson-dispatch.ts')).lessonCommand,
};

export async function commandsFor(name: string | undefined): Promise<readonly Command[]> {
  const load = name !== undefined && Object.hasOwn(ONE, name) ? ONE[name] : undefined;
  if (load) return [await load()];
  return (await import('./main.ts')).COMMANDS;
}

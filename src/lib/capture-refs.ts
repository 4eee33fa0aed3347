// Checks that every capture a lesson names exists. Pure: the caller supplies
// what is on disk, so the same check serves the build and the tests.
import { nearestName } from '../decoder/text/nearest.ts';

export interface LessonRefs {
  /** The lesson's file, as the author knows it (lessons/02-udp.mdx). */
  file: string;
  captures: readonly string[];
}

export interface CaptureOnDisk {
  id: string;
  /** The sidecar's path (captures/report-dns.yaml). */
  sidecar: string;
  /** The capture file the sidecar names, and whether it exists. */
  file: string;
  fileExists: boolean;
}

/** One message per problem: the file, what is wrong, and what would fix it. */
export function captureReferenceProblems(lessons: readonly LessonRefs[], captures: readonly CaptureOnDisk[]): string[] {
  const known = new Map(captures.map((c) => [c.id, c]));
  const problems: string[] = [];
  for (const c of captures) {
    if (!c.fileExists) {
      problems.push(`${c.sidecar}: names capture file "${c.file}", which does not exist. Put the capture beside the sidecar or fix "file".`);
    }
  }
  for (const lesson of lessons) {
    for (const id of lesson.captures) {
      if (!known.has(id)) {
        const hint = nearestName(id, known.keys(), Math.max(3, Math.floor(id.length / 3)));
        problems.push(
          `${lesson.file}: uses capture "${id}", but there is no captures/**/${id}.yaml.` +
            (hint ? ` Did you mean "${hint}"?` : ' Add the capture with its YAML sidecar, or fix the name in "captures".'),
        );
      }
    }
  }
  return problems;
}

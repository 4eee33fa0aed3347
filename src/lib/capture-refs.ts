// Checks that every capture a lesson names exists. Pure: the caller supplies
// what is on disk, so the same check serves the build and the tests.

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
        const hint = nearest(id, [...known.keys()]);
        problems.push(
          `${lesson.file}: uses capture "${id}", but there is no captures/**/${id}.yaml.` +
            (hint ? ` Did you mean "${hint}"?` : ' Add the capture with its YAML sidecar, or fix the name in "captures".'),
        );
      }
    }
  }
  return problems;
}

/** The closest known id by edit distance, if it is close enough to be a typo. */
function nearest(id: string, ids: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 3)) + 1;
  for (const candidate of ids) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

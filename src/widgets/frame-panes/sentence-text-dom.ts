// Writing a frame's sentences into the live region, as text: packet values
// are never markup. Apart from the words (sentence-text.ts), which the lesson
// viewer loads only with its first frame beyond the server render.
export function showSentences(region: HTMLElement, lines: readonly string[]): void {
  // The same words again (the same frame shown anew) are not read out again.
  const now = [...region.children].map((p) => p.textContent);
  if (now.length === lines.length && now.every((t, i) => t === lines[i])) return;
  region.replaceChildren(
    ...lines.map((l) => {
      const p = document.createElement('p');
      p.textContent = l;
      return p;
    }),
  );
}

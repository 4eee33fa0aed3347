// Writing a frame's sentences into the live region, as text: packet values
// are never markup. Apart from the words (sentence-text.ts), which the lesson
// viewer loads only with its first frame beyond the server render.
export function showSentences(region: HTMLElement, lines: readonly string[]): void {
  region.replaceChildren(
    ...lines.map((l) => {
      const p = document.createElement('p');
      p.textContent = l;
      return p;
    }),
  );
}

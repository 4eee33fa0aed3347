// Loads the Follow panel's code only when a panel first comes near the
// viewport: until then a lesson page carries none of it (its ASCII view is
// server-rendered and readable without it).
const panels = document.querySelectorAll('wb-follow');
if (panels.length > 0) {
  const io = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      void import('./follow-element.ts');
    },
    { rootMargin: '600px' },
  );
  for (const p of panels) io.observe(p);
}

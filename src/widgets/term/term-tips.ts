// Glossary terms in lesson prose. CSS shows a definition on hover and focus;
// this adds what CSS cannot: a first tap on a touch screen opens the
// definition instead of leaving the page (a second tap follows the link),
// Escape dismisses it (WCAG 1.4.13), and a tip near the right edge is moved
// back into the viewport.

const OPEN = 'data-open';
const DISMISSED = 'data-dismissed';

function fit(term: HTMLElement): void {
  const tip = term.querySelector<HTMLElement>('.term-tip');
  if (!tip) return;
  term.style.removeProperty('--tip-left');
  const rect = tip.getBoundingClientRect();
  const overflow = rect.right - (document.documentElement.clientWidth - 8);
  if (overflow > 0) term.style.setProperty('--tip-left', `${-Math.min(overflow, rect.left - 8)}px`);
}

function closeAll(except?: Element): void {
  for (const open of document.querySelectorAll(`.term[${OPEN}]`)) if (open !== except) open.removeAttribute(OPEN);
}

let installed = false;

export function installTerms(): void {
  if (installed) return;
  installed = true;

  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('.term > a');
    const term = link?.parentElement;
    if (!term) {
      if (!(event.target as Element | null)?.closest?.('.term-tip')) closeAll();
      return;
    }
    // Touch: open on the first tap, follow the link on the second.
    if ((event as PointerEvent).pointerType === 'touch' && !term.hasAttribute(OPEN)) {
      event.preventDefault();
      closeAll(term);
      term.setAttribute(OPEN, '');
      term.removeAttribute(DISMISSED);
      fit(term);
    }
  });

  const reveal = (event: Event) => {
    const term = (event.target as Element | null)?.closest?.<HTMLElement>('.term');
    if (!term) return;
    term.removeAttribute(DISMISSED);
    fit(term);
  };
  document.addEventListener('pointerover', reveal);
  document.addEventListener('focusin', reveal);

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const term of document.querySelectorAll('.term:hover, .term:focus-within, .term[data-open]')) {
      term.setAttribute(DISMISSED, '');
      term.removeAttribute(OPEN);
    }
  });
}

import { useRef, type KeyboardEvent } from 'react';

/** Arrows and paging keys move focus between the `section`s inside the container (the stage's stops). */
export function useSectionKeys() {
  const container = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const sections = Array.from(container.current?.querySelectorAll<HTMLElement>('section') ?? []);
    const at = sections.indexOf(document.activeElement as HTMLElement);
    const next: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowRight: at + 1,
      PageDown: at + 1,
      ArrowUp: at - 1,
      ArrowLeft: at - 1,
      PageUp: at - 1,
      Home: 0,
      End: sections.length - 1,
    };
    const target = next[event.key];
    if (target === undefined || at < 0) return;
    event.preventDefault();
    sections[Math.max(0, Math.min(sections.length - 1, target))]?.focus();
  };
  return { container, onKeyDown };
}

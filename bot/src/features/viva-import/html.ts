import { convert } from 'html-to-text';

/**
 * Plain text of a note's HTML (Viva Goals kept check-in notes as HTML with inline styles). The
 * HTML is parsed, never rendered: scripts, styles and images are dropped, links keep their text.
 */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
    ],
  }).trim();
}

import type { CardElement, TextBlock } from './adaptive-card';

// Characters that start Markdown anywhere in a line (emphasis, links, code, HTML-ish, tables).
const INLINE = /[\\`*_[\]~<>|]/g;
// Markers that only mean something at the start of a line (headings, lists, quotes).
const LINE_MARKER = /^(\s*)([#+-])(?=\s)/gm;
const LINE_NUMBERED = /^(\s*)(\d+)\.(?=\s)/gm;

/**
 * Escapes user-provided text for a TextBlock so it shows literally: Markdown is neutralised with
 * backslashes and `{{…}}` (Adaptive Card DATE/TIME functions) is broken with a zero-width space.
 * Plain numbers like 4.6 stay as they are.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_MARKER, (_m, space: string, marker: string) => `${space}\\${marker}`)
    .replace(LINE_NUMBERED, (_m, space: string, digits: string) => `${space}${digits}\\.`)
    .replace(/\{\{/g, '{\u200B{');
}

/** A wrapping TextBlock. */
export function text(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/** A heading TextBlock. */
export function heading(value: string): TextBlock {
  return text(value, { size: 'medium', weight: 'bolder', style: 'heading' });
}

/** A small, subtle TextBlock. */
export function note(value: string): TextBlock {
  return text(value, { size: 'small', isSubtle: true, spacing: 'none' });
}

/** A red message placed right below an input, saying what to fix. */
export function fieldError(message: string | undefined): CardElement[] {
  return message
    ? [text(`⚠ ${message}`, { color: 'attention', size: 'small', spacing: 'none' })]
    : [];
}

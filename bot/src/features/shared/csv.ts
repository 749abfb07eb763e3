// Quotes a cell when needed; a leading = + - @ is prefixed so spreadsheets never run it as a formula.
const cell = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV text (RFC 4180, CRLF) of a header and rows: the one CSV writer of the exports. */
export const csvOf = (header: readonly string[], rows: readonly (readonly unknown[])[]) =>
  [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$/;

/** Strictly parses a number typed into an Adaptive Card input (which arrives as a string). */
export function parseCardNumber(
  raw: unknown,
): { ok: true; value: number } | { ok: false; message: string } {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) && Math.abs(raw) <= 1e15
      ? { ok: true, value: raw }
      : { ok: false, message: 'Enter a finite number.' };
  }
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, message: 'Enter a value.' };
  const s = raw.trim().replace(/,/g, '');
  if (s.length > 40 || !NUMBER.test(s))
    return { ok: false, message: 'Enter a number, such as 12.5.' };
  const value = Number(s);
  if (!Number.isFinite(value) || Math.abs(value) > 1e15)
    return { ok: false, message: 'That number is too large.' };
  return { ok: true, value };
}

/** Parses an Input.Toggle value ('true' / 'false'). */
export function parseCardBoolean(raw: unknown): boolean | undefined {
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  return undefined;
}

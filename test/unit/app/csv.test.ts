import { detectDelimiter, parseCsv } from '../../../bot/src/features/common/csv';

// The one CSV parser of the product (KPI readings, OKR import, Viva Goals import): RFC 4180.
describe('parseCsv', () => {
  it('reads quoted cells with commas, quotes and line breaks, with their starting lines', () => {
    const text = '\uFEFFTitle,Note\r\n"A, b","say ""hi""\r\nsecond line"\r\n\r\nC,plain\r\n';
    const r = parseCsv(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.table.header).toEqual(['Title', 'Note']);
    expect(r.table.records).toEqual([
      { line: 2, cells: ['A, b', 'say "hi"\nsecond line'] },
      { line: 5, cells: ['C', 'plain'] },
    ]);
  });

  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1,5;2;3', ';'],
    ['a\tb\n1\t2', '\t'],
    ['"x;y",b\n1,2', ','],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('reads a semicolon file as Excel writes it where the decimal separator is a comma', () => {
    const r = parseCsv('at;value\n2026-01-31;"14,2"\n');
    expect(r.ok && r.table.records[0]!.cells).toEqual(['2026-01-31', '14,2']);
  });

  it('stops after maxRecords and says the file was longer', () => {
    const text = ['h', ...Array.from({ length: 50 }, (_, i) => String(i))].join('\n');
    const r = parseCsv(text, { maxRecords: 10 });
    expect(r.ok && r.table.records.length).toBe(10);
    expect(r.ok && r.table.truncated).toBe(true);
    expect(parseCsv(text, { maxRecords: 50 })).toMatchObject({
      ok: true,
      table: { truncated: false },
    });
  });

  it('names the line of a quote that is never closed', () => {
    expect(parseCsv('a,b\n1,2\n"3,4\n5,6')).toEqual({
      ok: false,
      line: 4,
      message: 'Line 4: a quoted cell is never closed.',
    });
  });
});

import { inflateSync } from 'node:zlib';
import { progressBar } from '../../../bot/src/features/common';

/** The PNG behind a bar: its size and, per pixel of its first row, the RGBA colour as hex. */
function decode(url: string): { width: number; height: number; row: string[] } {
  const png = Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([...png.subarray(24, 26)]).toEqual([8, 6]); // 8-bit RGBA
  let idat = Buffer.alloc(0);
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString('latin1') === 'IDAT')
      idat = Buffer.concat([idat, png.subarray(at + 8, at + 8 + length)]);
    at += length + 12;
  }
  const pixels = inflateSync(idat);
  expect(pixels.length).toBe(height * (1 + width * 4));
  expect(pixels[0]).toBe(0); // no filter
  const row = Array.from({ length: width }, (_, x) =>
    pixels.subarray(1 + x * 4, 5 + x * 4).toString('hex'),
  );
  return { width, height, row };
}

/** How much of the bar is filled, and with which colours (filled part, then the rest). */
function fill(progress: number, confidence?: 'onTrack' | 'atRisk' | 'offTrack') {
  const { width, row } = decode(progressBar(progress, confidence).url);
  const first = row[0];
  const filled = row.findIndex((c) => c !== first);
  return { share: (filled === -1 ? width : filled) / width, colours: [...new Set(row)] };
}

describe('progress bar', () => {
  it('fills as much of the bar as the key result has progressed', () => {
    expect(fill(0.39, 'onTrack').share).toBeCloseTo(0.39, 2);
    expect(fill(0.1, 'offTrack').share).toBeCloseTo(0.1, 2);
    expect(fill(1, 'onTrack').colours).toHaveLength(1);
    expect(fill(0, 'onTrack').colours).toHaveLength(1);
    expect(fill(1.7, 'onTrack')).toEqual(fill(1, 'onTrack'));
    expect(fill(-1, 'onTrack')).toEqual(fill(0, 'onTrack'));
  });

  it('colours the filled part by status, the empty part the same for every status', () => {
    const [onTrack, track] = fill(0.5, 'onTrack').colours;
    const [atRisk, track2] = fill(0.5, 'atRisk').colours;
    const [offTrack] = fill(0.5, 'offTrack').colours;
    const [unrated] = fill(0.5).colours;
    expect(new Set([onTrack, atRisk, offTrack, unrated]).size).toBe(4);
    expect(track2).toBe(track);
    // The fill is opaque; the track lets the card's own background (light or dark) through.
    expect(onTrack?.endsWith('ff')).toBe(true);
    expect(track?.endsWith('ff')).toBe(false);
  });

  it('is a thin image as wide as the card, with the percentage and status as its text', () => {
    const bar = progressBar(0.39, 'atRisk');
    expect(bar).toMatchObject({ type: 'Image', size: 'stretch', altText: '39% · At risk' });
    expect(progressBar(0.39, undefined).altText).toBe('39%');
    const { width, height } = decode(bar.url);
    // 288 px wide inside a 320 px card: 5 px high.
    expect((288 * height) / width).toBeLessThanOrEqual(6);
    expect(bar.url.length).toBeLessThan(400);
  });
});

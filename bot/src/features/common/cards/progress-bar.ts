import { crc32, deflateSync } from 'node:zlib';
import { en, type Confidence } from '@bearing/core';
import type { Image } from './adaptive-card';

/**
 * The fill's colour says the status: green on track, amber at risk, red off track, blue when
 * nobody has said yet. Mid-tones, so the bar shows (3:1 or more) on Teams' light and dark cards.
 */
const FILL: Record<Confidence | 'none', readonly [number, number, number]> = {
  onTrack: [0x2e, 0x8b, 0x57],
  atRisk: [0xc0, 0x7c, 0x00],
  offTrack: [0xe0, 0x47, 0x4c],
  none: [0x6e, 0x72, 0xd8],
};
/** The empty part: half-transparent grey, a light track on light cards and a dark one on dark. */
const TRACK = [0x80, 0x80, 0x80, 0x70] as const;

/**
 * Pixels of the drawn bar. Stretched to the card's width it keeps this 60:1 shape: about 5 px
 * high on a 320 px phone (288 px inside the card's padding), 8 px on a 500 px wide card.
 */
const WIDTH = 240;
const HEIGHT = 4;

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A WIDTH×HEIGHT RGBA PNG: `filled` of 100 parts in `fill`, the rest track. */
function barPng(filled: number, fill: readonly [number, number, number]): Buffer {
  const edge = Math.round((filled / 100) * WIDTH);
  const row = Buffer.alloc(1 + WIDTH * 4); // filter byte 0 (none), then the pixels
  for (let x = 0; x < WIDTH; x += 1)
    Buffer.from(x < edge ? [...fill, 0xff] : TRACK).copy(row, 1 + x * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: HEIGHT }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Drawn bars by fill and status: at most 101 × 4 small strings. */
const cache = new Map<string, string>();

/**
 * A thin progress bar as wide as the card: an image (a styled column gets the host's padding and
 * takes 34 px; this one 5 px at 320), the filled part coloured by `confidence`. Its text
 * alternative says the percentage and the status; callers also write them next to it.
 */
export function progressBar(progress: number, confidence: Confidence | undefined): Image {
  const filled = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const key = `${filled}.${confidence ?? 'none'}`;
  let url = cache.get(key);
  if (url === undefined) {
    url = `data:image/png;base64,${barPng(filled, FILL[confidence ?? 'none']).toString('base64')}`;
    cache.set(key, url);
  }
  return {
    type: 'Image',
    url,
    size: 'stretch',
    altText: confidence ? `${percent(progress)} · ${en.confidence[confidence]}` : percent(progress),
    spacing: 'small',
  };
}

/** "42%" */
export const percent = (progress: number): string =>
  `${Math.round(Math.min(1, Math.max(0, progress)) * 100)}%`;

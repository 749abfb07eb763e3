// Draws Bearing's Teams icons (a compass ring with a bearing needle) and writes them as PNGs.
// Run `node appPackage/icons.js` after changing the drawing; the PNGs are committed.
// Plain Node on purpose: zlib for the pixel data, a hand-written CRC-32, no image library.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BRAND = [15, 76, 129]; // #0F4C81, also the manifest's accentColor
const NEEDLE = [242, 153, 74]; // #F2994A, the north half of the needle
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as an 8-bit RGBA PNG. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** True when (x, y) lies inside the convex polygon (points in either winding order). */
function insideConvex(points, x, y) {
  let sign = 0;
  for (let i = 0; i < points.length; i += 1) {
    const [ax, ay] = points[i];
    const [bx, by] = points[(i + 1) % points.length];
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross !== 0) {
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign) return false;
    }
  }
  return true;
}

/** The compass, in unit coordinates (-1..1, y down): which colour layer covers a point. */
function compassLayers({ ringInner, ringOuter, needleLength, needleWidth, ticks }) {
  const angle = (-35 * Math.PI) / 180; // the needle points north-east: a bearing, not north
  const dir = [Math.sin(-angle), -Math.cos(-angle)];
  const side = [-dir[1], dir[0]];
  const at = (along, across) => [
    dir[0] * along + side[0] * across,
    dir[1] * along + side[1] * across,
  ];
  const north = [at(needleLength, 0), at(0, needleWidth), at(0, -needleWidth)];
  const south = [at(-needleLength, 0), at(0, needleWidth), at(0, -needleWidth)];
  return {
    ring: (x, y) => {
      const r = Math.hypot(x, y);
      if (r >= ringInner && r <= ringOuter) return true;
      if (!ticks) return false;
      // Four short ticks inside the ring at N, E, S, W.
      const ax = Math.abs(x);
      const ay = Math.abs(y);
      const tickInner = ringInner - 0.16;
      return (
        (ax <= 0.035 && ay >= tickInner && ay <= ringInner) ||
        (ay <= 0.035 && ax >= tickInner && ax <= ringInner)
      );
    },
    north: (x, y) => insideConvex(north, x, y),
    south: (x, y) => insideConvex(south, x, y),
  };
}

/**
 * Rasterises with 4×4 supersampling. `paint(x, y)` returns [r, g, b, a] (0..255) for a point in
 * unit coordinates; the samples are averaged with premultiplied alpha so edges stay clean.
 */
function rasterise(size, paint) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = ((px + (sx + 0.5) / samples) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / samples) / size) * 2 - 1;
          const [cr, cg, cb, ca] = paint(x, y);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      rgba[i + 3] = Math.round(a / (samples * samples));
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
    }
  }
  return rgba;
}

/** 192×192 full-colour icon: white compass and a two-tone needle on the brand blue. */
function colorIcon() {
  const layers = compassLayers({
    ringInner: 0.6,
    ringOuter: 0.72,
    needleLength: 0.5,
    needleWidth: 0.13,
    ticks: true,
  });
  return encodePng(
    192,
    192,
    rasterise(192, (x, y) => {
      if (Math.hypot(x, y) <= 0.07) return [...BRAND, 255];
      if (layers.north(x, y)) return [...NEEDLE, 255];
      if (layers.south(x, y) || layers.ring(x, y)) return [...WHITE, 255];
      return [...BRAND, 255];
    }),
  );
}

/** 32×32 outline icon: white on transparent, as Teams requires. */
function outlineIcon() {
  const layers = compassLayers({
    ringInner: 0.74,
    ringOuter: 0.94,
    needleLength: 0.62,
    needleWidth: 0.2,
    ticks: false,
  });
  return encodePng(
    32,
    32,
    rasterise(32, (x, y) => {
      if (layers.ring(x, y) || layers.north(x, y)) return [...WHITE, 255];
      // The south half is drawn as a lighter stroke so the two halves read apart at 32 px.
      if (layers.south(x, y)) return [...WHITE, 140];
      return [...WHITE, 0];
    }),
  );
}

if (require.main === module) {
  fs.writeFileSync(path.join(__dirname, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(__dirname, 'outline.png'), outlineIcon());
  process.stdout.write('wrote appPackage/color.png (192x192) and appPackage/outline.png (32x32)\n');
}

module.exports = { colorIcon, outlineIcon, encodePng, crc32 };

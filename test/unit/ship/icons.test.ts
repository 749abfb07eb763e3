import fs from 'node:fs';
import path from 'node:path';
import { readPng, readText, repoRoot } from './ship-helpers';

const icon = (name: string) => readPng(fs.readFileSync(path.join(repoRoot, 'appPackage', name)));

describe('app icons', () => {
  const manifest = JSON.parse(readText('appPackage/manifest.json')) as {
    icons: { color: string; outline: string };
  };

  it('points at the committed icons', () => {
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('color.png is a 192x192 full-colour icon', () => {
    const png = icon(manifest.icons.color);
    expect([png.width, png.height]).toEqual([192, 192]);
    const rgba = png.rgba as Buffer;
    const colours = new Set<string>();
    let opaque = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] === 255) opaque += 1;
      colours.add(`${rgba[i]},${rgba[i + 1]},${rgba[i + 2]}`);
    }
    expect(opaque).toBe(192 * 192); // Teams shows colour icons on their own background
    expect(colours.size).toBeGreaterThan(3); // not a blank tile: the compass is drawn on it
  });

  it('outline.png is 32x32, white on transparent', () => {
    const png = icon(manifest.icons.outline);
    expect([png.width, png.height, png.colorType]).toEqual([32, 32, 6]);
    const rgba = png.rgba as Buffer;
    let transparent = 0;
    let white = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] === 0) transparent += 1;
      else if (rgba[i] === 255 && rgba[i + 1] === 255 && rgba[i + 2] === 255) white += 1;
      else notWhite.push(i / 4);
    }
    expect(notWhite).toEqual([]);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(white).toBeGreaterThan(32 * 32 * 0.1);
  });

  it('are what appPackage/icons.js draws (the committed PNGs are not stale)', () => {
    const icons = require(path.join(repoRoot, 'appPackage', 'icons.js')) as {
      colorIcon(): Buffer;
      outlineIcon(): Buffer;
    };
    expect(
      icons.colorIcon().equals(fs.readFileSync(path.join(repoRoot, 'appPackage/color.png'))),
    ).toBe(true);
    expect(
      icons.outlineIcon().equals(fs.readFileSync(path.join(repoRoot, 'appPackage/outline.png'))),
    ).toBe(true);
  });
});

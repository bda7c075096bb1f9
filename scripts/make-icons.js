#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16|32|64|80.png, assets/logo-300.png) with no image
 * library: shapes as distance functions, 4×4 supersampling, PNG written with zlib.
 * Run once after changing the design: `node scripts/make-icons.js`; the PNGs are committed.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const GREEN = [16, 124, 65]; // Excel green
const WHITE = [255, 255, 255];
const GOLD = [255, 200, 61];

/** Signed distance to a rounded square covering [0,1]² with corner radius r. */
function roundedSquare(x, y, r) {
  const qx = Math.abs(x - 0.5) - (0.5 - r);
  const qy = Math.abs(y - 0.5) - (0.5 - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to the segment a–b. */
function segment(x, y, a, b) {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** Colour at a point of the unit square, or null outside the icon. */
function shade(x, y) {
  if (roundedSquare(x, y, 0.18) > 0) return null;
  // Three rising bars (a unit's progress) and a check mark across them.
  const bars = [
    [0.2, 0.62],
    [0.42, 0.48],
    [0.64, 0.34],
  ];
  const check = Math.min(segment(x, y, [0.24, 0.5], [0.42, 0.68]), segment(x, y, [0.42, 0.68], [0.8, 0.24]));
  if (check < 0.075) return GOLD;
  for (const [left, top] of bars) {
    if (x >= left && x <= left + 0.15 && y >= top && y <= 0.82) return WHITE;
  }
  return GREEN;
}

function render(size) {
  const n = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxI = 0; pxI < size; pxI++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((pxI + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + pxI) * 4;
      // Colour averaged over covered samples; coverage becomes alpha.
      px[i] = a ? Math.round(r / a) : 0;
      px[i + 1] = a ? Math.round(g / a) : 0;
      px[i + 2] = a ? Math.round(b / a) : 0;
      px[i + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return png(size, size, px);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA, 8 bits a channel, filter 0 on every row. */
function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const [name, size] of [['icon-16.png', 16], ['icon-32.png', 32], ['icon-64.png', 64], ['icon-80.png', 80], ['logo-300.png', 300]]) {
  fs.writeFileSync(path.join(out, name), render(size));
  console.log(`assets/${name} ${size}×${size}`);
}

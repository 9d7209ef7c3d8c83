// Draws the app icon and writes every format the installers need into build/generated/ (no downloads, no
// committed binaries): PNGs 16–1024 px (Linux: icons/NxN.png), icon.png (1024), icon.ico (Windows: PNG-encoded
// 16–256), icon.icns (macOS: PNG-encoded 16–1024). Pure Node: the shapes are signed-distance functions,
// supersampled for anti-aliasing. Run: node build/make-icons.mjs [outDir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = resolve(process.argv[2] ?? join(import.meta.dirname, 'generated'));
/** Sub-samples per pixel edge (n² per pixel): anti-aliasing quality; large icons need fewer. */
const supersample = (size) => (size >= 512 ? 2 : 4);
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

// --- shapes in unit coordinates (0..1, y down) -----------------------------------------------------------
const roundRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (x, y, ax, ay, bx, by) => {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
};
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

const TOP = [37, 99, 196],
  BOTTOM = [22, 64, 140],
  WHITE = [255, 255, 255],
  FLAP = [176, 198, 232];
const GREEN = [34, 150, 86];

/** Colour (RGBA 0–255) of one sample point. Layers: tile, envelope, flap lines, badge, tick. */
function sample(x, y) {
  if (roundRect(x, y, 0.5, 0.5, 0.46, 0.46, 0.2) > 0) return [0, 0, 0, 0];
  let c = mix(TOP, BOTTOM, y);
  if (roundRect(x, y, 0.44, 0.46, 0.27, 0.19, 0.03) <= 0) c = WHITE;
  const flap = Math.min(segment(x, y, 0.19, 0.3, 0.44, 0.5), segment(x, y, 0.69, 0.3, 0.44, 0.5));
  if (flap <= 0.022 && roundRect(x, y, 0.44, 0.46, 0.27, 0.19, 0.03) <= 0) c = FLAP;
  const badge = Math.hypot(x - 0.7, y - 0.7);
  if (badge <= 0.2) c = WHITE;
  if (badge <= 0.17) c = GREEN;
  const tick = Math.min(segment(x, y, 0.62, 0.7, 0.68, 0.77), segment(x, y, 0.68, 0.77, 0.79, 0.63));
  if (badge <= 0.17 && tick <= 0.03) c = WHITE;
  return [...c, 255];
}

function render(size) {
  const SUPERSAMPLE = supersample(size);
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const acc = [0, 0, 0, 0];
      for (let sj = 0; sj < SUPERSAMPLE; sj++) {
        for (let si = 0; si < SUPERSAMPLE; si++) {
          const s = sample((i + (si + 0.5) / SUPERSAMPLE) / size, (j + (sj + 0.5) / SUPERSAMPLE) / size);
          // Premultiplied accumulation so transparent samples do not darken edges.
          for (let k = 0; k < 3; k++) acc[k] += s[k] * s[3];
          acc[3] += s[3];
        }
      }
      const o = (j * size + i) * 4;
      const n = SUPERSAMPLE * SUPERSAMPLE;
      for (let k = 0; k < 3; k++) px[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
      px[o + 3] = Math.round(acc[3] / n);
    }
  }
  return px;
}

// --- encoders ---------------------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}
/** PNG-capable ICNS element types by pixel size. */
const ICNS_TYPES = {
  16: 'icp4',
  32: 'icp5',
  64: 'icp6',
  128: 'ic07',
  256: 'ic08',
  512: 'ic09',
  1024: 'ic10',
};
function icns(images) {
  const parts = images
    .filter(({ size }) => ICNS_TYPES[size])
    .map(({ size, data }) => {
      const head = Buffer.alloc(8);
      head.write(ICNS_TYPES[size], 0, 'ascii');
      head.writeUInt32BE(data.length + 8, 4);
      return Buffer.concat([head, data]);
    });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

mkdirSync(join(OUT, 'icons'), { recursive: true });
const images = SIZES.map((size) => ({ size, data: png(size, render(size)) }));
for (const { size, data } of images) {
  if (size <= 512) writeFileSync(join(OUT, 'icons', `${size}x${size}.png`), data);
}
writeFileSync(join(OUT, 'icon.png'), images.at(-1).data);
writeFileSync(join(OUT, 'icon.ico'), ico(images.filter((i) => i.size <= 256)));
writeFileSync(join(OUT, 'icon.icns'), icns(images));
console.log(`icons written to ${OUT}`);

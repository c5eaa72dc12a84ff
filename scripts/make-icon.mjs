// Draws assets/icon.png (512x512): a dark rounded square with an orange flame-like drop and a
// white target ring, using only Node (zlib for the PNG's deflate). Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

const inRoundedSquare = (x, y, inset, radius) => {
  const min = inset, max = SIZE - inset;
  if (x < min || x >= max || y < min || y >= max) return false;
  const cx = Math.min(Math.max(x, min + radius), max - radius);
  const cy = Math.min(Math.max(y, min + radius), max - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};

for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const i = (y * SIZE + x) * 4;
    if (!inRoundedSquare(x + 0.5, y + 0.5, 16, 96)) continue; // transparent corners
    let [r, g, b] = [24, 28, 36];
    const dx = x - 256, dy = y - 280;
    const distance = Math.hypot(dx, dy);
    // The target ring of an exercise.
    if (distance > 150 && distance < 172) [r, g, b] = [236, 239, 244];
    // The flame: a circle below a point, shaded from yellow to red.
    const inFlame = distance < 110 || (dy < 0 && dy > -220 && Math.abs(dx) < 110 * (1 + dy / 220) ** 1.4 && y > 60);
    if (inFlame) {
      const t = Math.min(1, Math.max(0, (y - 80) / 300));
      [r, g, b] = [255, Math.round(200 - 130 * t), Math.round(60 - 40 * t)];
      if (Math.hypot(dx, dy - 30) < 45) [r, g, b] = [255, 236, 160];
    }
    pixels.set([r, g, b, 255], i);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../assets/icon.png', import.meta.url), png);
console.log(`assets/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);

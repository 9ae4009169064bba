#!/usr/bin/env node
// Entry point of the `congtruong` command. Plain JavaScript so that it can check the Node
// version before loading the TypeScript sources (run natively by Node >= 22.18 / 24).
import './require-node.mjs';

// Loading a province's content reads tens of thousands of files through libuv's thread pool:
// more threads than the default 4 make that markedly faster. Read when the pool starts.
process.env.UV_THREADPOOL_SIZE ??= '16';

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

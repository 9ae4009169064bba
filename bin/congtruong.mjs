#!/usr/bin/env node
// Entry point of the `congtruong` command. Plain JavaScript so that it can check the Node
// version before loading the TypeScript sources (run natively by Node >= 22.18 / 24).
import './require-node.mjs';

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

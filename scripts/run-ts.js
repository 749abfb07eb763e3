#!/usr/bin/env node
// Runs a TypeScript entry point (benchmarks) by compiling each file with SWC as Node loads it.
// Type checking is `tsc -b`; this only strips types. `@bearing/core` resolves to core/src.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const coreEntry = path.resolve(__dirname, '..', 'core', 'src', 'index.ts');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@bearing/core') return coreEntry;
  return resolve.call(this, request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
require(path.resolve(entry));

#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the end-to-end tests; installs it when we are root.
'use strict';
const fs = require('node:fs');
const { execSync } = require('node:child_process');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const found = () => CANDIDATES.find((p) => fs.existsSync(p));

if (found()) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
  console.error(
    'The end-to-end tests need Chromium. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium',
  );
  process.exit(1);
}
console.log('Installing Debian chromium for the end-to-end tests (apt-get)…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (!found()) {
  console.error('apt-get finished but no chromium binary was found in ' + CANDIDATES.join(', '));
  process.exit(1);
}
console.log('Chromium installed.');

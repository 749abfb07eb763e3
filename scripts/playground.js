#!/usr/bin/env node
// Starts the Microsoft 365 Agents Playground against the local bot (http://localhost:3978/api/messages)
// with the demo organisation's tenant, users and team. The Playground's own cli.js exits on any
// uncaught exception (which happens offline, e.g. when telemetry cannot be sent), so we start its
// dist from here and keep running.
'use strict';
const path = require('node:path');

const root = path.resolve(__dirname, '..');
process.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH ||= path.join(root, '.m365agentsplayground.yml');
process.env.M365_AGENTS_PLAYGROUND_LOGFILE ||= path.join(root, '.data', 'm365agentsplayground.log');
process.env.TEAMSAPPTESTER_BROWSER ||= 'none';

process.on('uncaughtException', (error) => {
  console.warn(`[playground] ignored: ${error && error.message ? error.message : error}`);
});
process.on('unhandledRejection', (reason) => {
  console.warn(
    `[playground] ignored rejection: ${reason && reason.message ? reason.message : reason}`,
  );
});
process.on('SIGTERM', () => process.exit(0));

// The Playground reads its options from argv (yargs): keep only ours.
process.argv = [
  process.argv[0],
  path.join(__dirname, 'playground.js'),
  'start',
  '--disable-telemetry',
  ...process.argv.slice(2),
];
require('@microsoft/m365agentsplayground/dist').start();

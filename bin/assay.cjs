#!/usr/bin/env node
'use strict';
// The `assay` command: runs the CLI built by electron-vite (npm install builds it via "prepare").
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(
    'assay: Assay is not built yet. Run "npm install" (or "npm run build") in the project folder.\n',
  );
  process.exit(1);
}
require(cli);

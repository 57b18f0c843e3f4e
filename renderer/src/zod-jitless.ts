import { config } from 'zod';

// zod probes for eval support with `new Function`, which the CSP forbids (and reports). Imported
// first in main.tsx so the setting holds before any schema module is evaluated.
config({ jitless: true });

import { randomBytes } from 'node:crypto';

/**
 * The renderer's Content-Security-Policy. No 'unsafe-inline' or 'unsafe-eval': scripts come only
 * from our own bundle, and the one inline <style> Mantine writes carries a per-load nonce.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/** Puts the nonce where the renderer reads it (a meta tag) without any inline script. */
export function injectNonce(html: string, nonce: string): string {
  const tag = `<meta name="assay-style-nonce" content="${nonce}" />`;
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  return html.replace('</head>', `    ${tag}\n  </head>`);
}

export const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

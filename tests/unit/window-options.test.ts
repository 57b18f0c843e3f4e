import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  isSafeExternalUrl,
  windowOpenDecision,
  isTrustedSender,
  secureWindowOptions,
} from '../../electron/window-options';

describe('secureWindowOptions', () => {
  const prefs = secureWindowOptions('/app/out/preload/preload.cjs').webPreferences;

  it('isolates and sandboxes the renderer and gives it no Node', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and turns off insecure content, experiments and webviews', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });
});

describe('isTrustedSender', () => {
  it.each([`${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/index.html#/engagements`])(
    'accepts our own page %s',
    (url) => expect(isTrustedSender(url)).toBe(true),
  );

  it.each([
    undefined,
    '',
    'not a url',
    'file:///app/out/renderer/index.html',
    'https://app/',
    'assay://evil/',
    'assay://app.evil.example/',
    'assay://app:8080/',
    'http://127.0.0.1:5173/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'data:text/html,<script>1</script>',
  ])('refuses %s', (url) => expect(isTrustedSender(url)).toBe(false));
});

describe('isSafeExternalUrl', () => {
  it.each([
    'https://www.iso.org/standard/81230.html',
    'https://example.com',
    'https://docs.example.co.uk/path/to/page?q=ai&x=1#part',
    'https://sub-domain.example.org/a%20b',
  ])('accepts the normal https link %s, for the system browser only', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: true });
  });

  it.each([
    ['file URL', 'file:///etc/passwd'],
    ['file URL on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['SMB share', 'smb://fileserver/share/doc.pdf'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript with case', 'JaVaScRiPt:alert(1)'],
    ['data URL', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['plain http', 'http://example.com/'],
    ['upper-case scheme', 'HTTPS://example.com/'],
    ['ftp', 'ftp://example.com/file'],
    ['ms-settings handler', 'ms-settings:network'],
    ['mailto', 'mailto:someone@example.com'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['custom app scheme', 'assay://app/index.html'],
    ['leading space', ' https://example.com/'],
    ['credentials', 'https://user:pass@example.com/'],
    ['user only', 'https://user@example.com/'],
    ['at-sign host confusion', 'https://www.iso.org@evil.example/'],
    ['explicit port', 'https://example.com:8443/'],
    ['default port spelled out', 'https://example.com:443x/'],
    ['IPv4 literal', 'https://127.0.0.1/'],
    ['IPv4 private', 'https://192.168.1.10/admin'],
    ['IPv4 as integer', 'https://2130706433/'],
    ['IPv6 literal', 'https://[::1]/'],
    ['localhost', 'https://localhost/'],
    ['single-label host', 'https://intranet/'],
    ['punycode look-alike', 'https://xn--pple-43d.com/'],
    ['punycode in a subdomain', 'https://login.xn--80ak6aa92e.com/'],
    ['Cyrillic look-alike', 'https://аpple.com/'],
    ['full-width solidus in the host', 'https://evil.com／.example.com/'],
    ['encoded slash before an at-sign', 'https://example.com%2F@evil.example/'],
    ['NUL byte', 'https://example.com/\u0000.pdf'],
    ['newline', 'https://example.com/\nSet-Cookie:x'],
    ['tab in host', 'https://exa\tmple.com/'],
    ['DEL character', 'https://example.com/\u007f'],
    ['C1 control', 'https://example.com/\u0085'],
    ['zero-width space', 'https://exa\u200bmple.com/'],
    ['zero-width joiner', 'https://example.com/\u200d'],
    ['right-to-left override', 'https://example.com/\u202egpj.exe'],
    ['bidi isolate', 'https://example.com/\u2066x\u2069'],
    ['backslash host trick', 'https://example.com\\@evil.example/'],
    ['backslashes only', 'https:\\\\evil.example\\share'],
    ['UNC path', '\\\\fileserver\\share\\doc.pdf'],
    ['UNC-looking URL', 'https://\\\\fileserver\\share'],
    ['protocol-relative', '//evil.example/'],
    ['missing slashes', 'https:evil.example'],
    ['empty', ''],
    ['only scheme', 'https://'],
    ['trailing-dot host', 'https://example.com./'],
    ['host with underscore', 'https://bad_host.example.com/'],
    ['very long', `https://example.com/${'a'.repeat(3000)}`],
    ['very long host label', `https://${'a'.repeat(70)}.com/`],
  ])('refuses a %s URL, and a new window for it opens nothing anywhere', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: false });
  });

  it('refuses something that is not a string at all', () => {
    expect(isSafeExternalUrl(42 as unknown as string)).toBe(false);
    expect(isSafeExternalUrl(null as unknown as string)).toBe(false);
  });
});

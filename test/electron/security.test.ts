import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl, originOf } from '../../electron/security/app-origin.js';
import { appResponseHeaders, resolveAppPath } from '../../electron/security/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp.js';
import { vetExternalUrl } from '../../electron/security/external-links.js';
import { isTrustedSender } from '../../electron/security/ipc-sender.js';
import { allowNavigation, blockedNavigation, windowOpenDecision } from '../../electron/security/navigation.js';
import { permissionDecision } from '../../electron/security/permissions.js';
import { secureWebPreferences } from '../../electron/security/web-preferences.js';

describe('the app origin', () => {
  it('is app://firedrill, also where Node gives "null" for a non-special scheme', () => {
    expect(new URL(APP_ENTRY_URL).origin).toBe('null'); // why originOf exists
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN);
    expect(originOf('APP://FIREDRILL/x')).toBe(APP_ORIGIN);
    expect(originOf('https://example.com/a')).toBe('https://example.com');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('file:///etc/passwd')).toBeNull();
  });
  it('recognises only its own pages', () => {
    expect(isAppUrl('app://firedrill/index.html#/session/1')).toBe(true);
    for (const url of ['app://evil/index.html', 'app://firedrill.evil.com/', 'file:///index.html', 'http://firedrill/', 'https://firedrill/', 'app:firedrill', 'app:///index.html', 'javascript:alert(1)', 'about:blank', 'data:text/html,x', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('navigation guards (will-navigate, will-redirect)', () => {
  it('allow the app and block everything else', () => {
    expect(allowNavigation('app://firedrill/index.html?view=projector&session=s1')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:3000/', 'file:///etc/passwd', 'app://other/', 'about:blank', 'chrome://settings', 'devtools://devtools/']) {
      expect(allowNavigation(url), url).toBe(false);
    }
  });
  it('send a blocked https link to the browser, and nothing else', () => {
    expect(blockedNavigation('https://attack.mitre.org/techniques/T1486/')).toEqual({ openExternally: 'https://attack.mitre.org/techniques/T1486/' });
    expect(blockedNavigation('file:///etc/passwd')).toEqual({ openExternally: null });
  });
});

describe('the new-window handler', () => {
  it('always denies, and opens only vetted https links outside', () => {
    expect(windowOpenDecision('https://www.cisa.gov/')).toEqual({ action: 'deny', openExternally: 'https://www.cisa.gov/' });
    expect(windowOpenDecision('app://firedrill/index.html')).toEqual({ action: 'deny', openExternally: null });
    expect(windowOpenDecision('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: null });
    expect(windowOpenDecision('about:blank')).toEqual({ action: 'deny', openExternally: null });
  });
});

describe('the external-link filter (shell.openExternal)', () => {
  it('lets through https links to a named host', () => {
    expect(vetExternalUrl('https://nvlpubs.nist.gov/nistpubs/SpecialPublications/NIST.SP.800-61r2.pdf')).toBe('https://nvlpubs.nist.gov/nistpubs/SpecialPublications/NIST.SP.800-61r2.pdf');
    expect(vetExternalUrl('https://[2001:db8::1]/')).toBe('https://[2001:db8::1]/');
  });
  it.each([
    ['http', 'http://example.com/'],
    ['javascript', 'javascript:alert(1)'],
    ['file', 'file:///C:/Windows/System32/calc.exe'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['smb', 'smb://server/share'],
    ['custom handler', 'ms-msdt:/id PCWDiagnostic'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['user in URL', 'https://bank.com@evil.example/'],
    ['password in URL', 'https://user:pass@example.com/'],
    ['no dot in host', 'https://intranet/'],
    ['spaces', 'https://example.com/a b'],
    ['control character', 'https://example.com/\u0000'],
    ['newline', 'https://example.com/\nx'],
    ['leading space', ' https://example.com/'],
    ['empty', ''],
    ['not a URL', 'example.com'],
    ['too long', `https://example.com/${'a'.repeat(3000)}`],
  ])('refuses %s', (_name, url) => {
    expect(vetExternalUrl(url)).toBeNull();
  });
  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.com/']]) expect(vetExternalUrl(value)).toBeNull();
  });
});

describe('the IPC sender check', () => {
  it('accepts the top frame of an app page only', () => {
    expect(isTrustedSender({ url: 'app://firedrill/index.html', isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://firedrill/index.html', isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', isTopFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('the permission request handler', () => {
  it('denies by default', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'hid', 'serial', 'usb', 'openExternal', 'clipboard-read', 'display-capture', 'pointerLock', 'unknown', 'anything-new']) {
      expect(permissionDecision(permission, APP_ENTRY_URL), permission).toBe(false);
    }
  });
  it('grants the clipboard write, fullscreen and wake lock to the app only', () => {
    for (const permission of ['clipboard-sanitized-write', 'fullscreen', 'screen-wake-lock']) {
      expect(permissionDecision(permission, APP_ENTRY_URL)).toBe(true);
      expect(permissionDecision(permission, 'https://example.com/')).toBe(false);
      expect(permissionDecision(permission, undefined)).toBe(false);
    }
  });
});

describe('the window webPreferences', () => {
  const preferences = secureWebPreferences('/app/dist/electron/preload.cjs');
  it('isolate, sandbox and keep Node out of the page', () => {
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
    expect(preferences.webviewTag).toBe(false);
    expect(preferences.preload).toBe('/app/dist/electron/preload.cjs');
  });
  it('leave webSecurity untouched and never turn on the unsafe switches', () => {
    for (const key of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures', 'enableRemoteModule', 'disableBlinkFeatures']) {
      expect(Object.hasOwn(preferences, key), key).toBe(false);
    }
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  it("allows scripts from the app only: script-src 'self', no inline, no eval", () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });
  it('denies by default and forbids plugins, frames, base and forms', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
  it('is sent with every app:// response', () => {
    expect(appResponseHeaders('text/html')).toMatchObject({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' });
  });
});

describe('the app:// protocol paths', () => {
  const root = resolve('/opt/firedrill/dist/renderer');
  const resolved = (url: string) => resolveAppPath(root, url);
  it('serves files of the renderer folder', () => {
    expect(resolved('app://firedrill/index.html')).toEqual({ ok: true, file: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolved('app://firedrill/assets/index-abc.js')).toMatchObject({ ok: true, file: join(root, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(resolved('app://firedrill/assets/a%20b.css?x=1#y')).toMatchObject({ ok: true, file: join(root, 'assets', 'a b.css') });
  });
  it('gives index.html for the root and for routes of the UI', () => {
    for (const url of ['app://firedrill', 'app://firedrill/', 'app://firedrill/sessions/abc']) {
      expect(resolved(url)).toMatchObject({ ok: true, file: join(root, 'index.html') });
    }
  });
  it.each([
    'app://firedrill/../../etc/passwd',
    'app://firedrill/%2e%2e/%2e%2e/etc/passwd',
    'app://firedrill/assets/%2E%2E/%2E%2E/package.json',
    'app://firedrill/..%2f..%2fpackage.json',
    'app://firedrill/..%5c..%5cpackage.json',
    'app://firedrill/%00index.html',
    'app://firedrill/%2fetc%2fpasswd',
    'app://firedrill/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://firedrill/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    const result = resolved(url);
    if (result.ok) expect(result.file.startsWith(root + '/') || result.file.startsWith(root + '\\')).toBe(true);
    else expect([400, 403, 404]).toContain(result.status);
  });
  it('never resolves outside the folder, whatever the path', () => {
    const tricky = ['/..', '/./../x.js', '/a/../../x.js', '/%2e%2e%2fx.js', '//etc/passwd', '/.%2e/x.js', '/a/./b/../../../x.js'];
    for (const path of tricky) {
      const result = resolved(`app://firedrill${path}`);
      if (result.ok) expect(result.file.startsWith(root), path).toBe(true);
    }
  });
});

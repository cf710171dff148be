import { describe, expect, it } from 'vitest';
import { queryEscape } from '../../src/auth/mailer.ts';
import { renderTemplate, TemplateError } from '../../src/auth/mail-template.ts';
import { generateOtp, tokenHash } from '../../src/auth/one-time-tokens.ts';
import { AuthRateLimits, assertSendFrequency } from '../../src/auth/rate-limit.ts';
import { globToRegExp, isRedirectAllowed } from '../../src/auth/redirect.ts';
import { htmlToText } from '../../src/mail/html-text.ts';
import type { ApiRequest } from '../../src/shared/http.ts';

const SITE = 'http://127.0.0.1:3000';

describe('redirect allow-list', () => {
  it('globToRegExp: * and ? stop at . and /, ** does not, {a,b} and [!x] work', () => {
    expect(globToRegExp('https://*.example.com/cb').test('https://a.example.com/cb')).toBe(true);
    expect(globToRegExp('https://*.example.com/cb').test('https://a.b.example.com/cb')).toBe(false);
    expect(globToRegExp('https://example.com/*').test('https://example.com/a/b')).toBe(false);
    expect(globToRegExp('https://example.com/**').test('https://example.com/a/b?x=1')).toBe(true);
    expect(globToRegExp('https://{app,www}.example.com/?').test('https://www.example.com/x')).toBe(true);
    expect(globToRegExp('https://[!w]pp.example.com').test('https://wpp.example.com')).toBe(false);
  });

  it('isRedirectAllowed: site origin (any loopback port), loopback IPs, the list; odd hosts never', () => {
    expect(isRedirectAllowed('http://127.0.0.1:3100/x', SITE, [])).toBe(true);
    expect(isRedirectAllowed('http://127.9.9.9:1/x', SITE, [])).toBe(true);
    // Any loopback IP passes, whatever the scheme (GoTrue: `ip.IsLoopback()`).
    expect(isRedirectAllowed('https://127.0.0.1:3000/x', SITE, [])).toBe(true);
    expect(isRedirectAllowed('http://localhost:4000/x', SITE, [])).toBe(false);
    expect(isRedirectAllowed('http://2130706433/x', SITE, ['**'])).toBe(false);
    expect(isRedirectAllowed('https://evil.example.com/x', SITE, ['https://app.example.com/**'])).toBe(false);
    expect(isRedirectAllowed('https://app.example.com/x#frag', SITE, ['https://app.example.com/*'])).toBe(true);
    expect(isRedirectAllowed('', SITE, ['**'])).toBe(false);
  });
});

describe('mail templates (Go template subset)', () => {
  const data = { Token: '012345', Email: 'a@b.co', Data: { name: 'Zoë <3' }, ConfirmationURL: 'http://x/verify?token=t&type=recovery' };

  it('prints dotted fields HTML-escaped and trims with {{- -}}', () => {
    expect(renderTemplate('<p>{{ .Token }} {{ .Data.name }}</p>', data)).toBe('<p>012345 Zoë &lt;3</p>');
    expect(renderTemplate('<a href="{{ .ConfirmationURL }}">', data)).toBe('<a href="http://x/verify?token=t&amp;type=recovery">');
    expect(renderTemplate('a  {{- .Token -}}  b', data)).toBe('a012345b');
    expect(renderTemplate('{{ .Token }} is your code', data, { escape: false })).toBe('012345 is your code');
  });

  it('if / else if / else with fields, not, eq and ne', () => {
    const source = '{{ if eq .Data.name "x" }}X{{ else if not .Missing }}none{{ else }}other{{ end }}';
    expect(renderTemplate(source, data)).toBe('none');
    expect(renderTemplate('{{ if .Data.name }}hi {{ .Data.name }}{{ end }}', { Data: {} })).toBe('');
    expect(renderTemplate('{{ if ne .Email "a@b.co" }}no{{ else }}yes{{ end }}', data)).toBe('yes');
  });

  it('refuses what it cannot render, rather than sending a wrong mail', () => {
    expect(() => renderTemplate('{{ range .Data }}x{{ end }}', data)).toThrow(TemplateError);
    expect(() => renderTemplate('{{ if .Token }}x', data)).toThrow(TemplateError);
  });
});

describe('codes, hashes and text', () => {
  it('generateOtp: exactly N digits; tokenHash: hex SHA-224 of address + code', () => {
    for (let i = 0; i < 50; i++) expect(generateOtp(6)).toMatch(/^\d{6}$/);
    expect(generateOtp(10)).toMatch(/^\d{10}$/);
    // Computed with Python's hashlib.sha224, independently of the code under test.
    expect(tokenHash('a@b.co', '123456')).toBe('4911e82389643aeb3ce581cfa27b1630931b88c0206a90fed98a99cf');
  });

  it('queryEscape matches Go url.QueryEscape', () => {
    expect(queryEscape("a b&c=d/e?f!'()*~")).toBe("a+b%26c%3Dd%2Fe%3Ff%21%27%28%29%2A~");
  });

  it('htmlToText keeps link targets and breaks blocks', () => {
    expect(htmlToText('<h2>Reset</h2><p>Go <a href="http://x/?a=1&amp;b=2">here</a></p>')).toBe('Reset\n\nGo here ( http://x/?a=1&b=2 )');
  });
});

describe('rate limits', () => {
  const request = (ip: string) => ({ remoteAddress: ip }) as ApiRequest;

  it('a burst of 30 per IP, then the configured rate per 5 minutes; other IPs unaffected', () => {
    const limits = new AuthRateLimits({ emailSent: 2, signInSignUps: 30, tokenVerifications: 30, tokenRefresh: 150 }, 0);
    for (let i = 0; i < 30; i++) limits.check('signup', request('10.0.0.1'), 0);
    expect(() => limits.check('signup', request('10.0.0.1'), 0)).toThrow('Request rate limit reached');
    limits.check('signup', request('10.0.0.2'), 0);
    limits.check('otp', request('10.0.0.1'), 0);
    limits.check('signup', request('10.0.0.1'), 10_000); // 30 per 300 s: one more after 10 s
    expect(() => limits.check('signup', request('10.0.0.1'), 10_000)).toThrow();
  });

  it('email_sent per hour for the whole instance; 0 refuses every mail', () => {
    const limits = new AuthRateLimits({ emailSent: 2, signInSignUps: 30, tokenVerifications: 30, tokenRefresh: 150 }, 0);
    limits.checkEmail(1);
    limits.checkEmail(2);
    expect(() => limits.checkEmail(3)).toThrow('email rate limit exceeded');
    limits.checkEmail(3_600_000);
    const none = new AuthRateLimits({ emailSent: 0, signInSignUps: 30, tokenVerifications: 30, tokenRefresh: 150 }, 0);
    expect(() => none.checkEmail(0)).toThrow('email rate limit exceeded');
  });

  it('max_frequency counts whole seconds left, truncated', () => {
    expect(() => assertSendFrequency(new Date(0), 60, 500)).toThrow('For security purposes, you can only request this after 59 seconds.');
    expect(() => assertSendFrequency(new Date(0), 1, 1000)).not.toThrow();
    expect(() => assertSendFrequency(null, 60, 0)).not.toThrow();
  });
});

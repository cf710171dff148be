import { describe, expect, it } from 'vitest';
import { safeNextPath, signInSchema, signUpSchema } from './auth';
import { bandNameSchema, inviteCodeFromLink, inviteCodeSchema } from './band';

describe('auth and band validation', () => {
  it('signUpSchema: normalises the email and enforces GoTrue password limits', () => {
    expect(signUpSchema.parse({ display_name: ' Sam ', email: ' Sam@Example.COM ', password: 'secret' })).toEqual({
      display_name: 'Sam',
      email: 'sam@example.com',
      password: 'secret',
    });
    expect(signUpSchema.safeParse({ display_name: 'Sam', email: 'sam@example.com', password: '12345' }).success).toBe(false);
    expect(signUpSchema.safeParse({ display_name: 'Sam', email: 'sam@example.com', password: 'é'.repeat(37) }).success).toBe(false);
  });

  it('signInSchema: a malformed email is a field error', () => {
    const result = signInSchema.safeParse({ email: 'not-an-email', password: 'x' });
    expect(result.error?.issues[0]?.path).toEqual(['email']);
  });

  it('safeNextPath: only same-site paths survive', () => {
    expect(safeNextPath('/bands/1/songs')).toBe('/bands/1/songs');
    expect(safeNextPath('//evil.example')).toBe('/bands');
    expect(safeNextPath('/\\evil.example')).toBe('/bands');
    expect(safeNextPath('https://evil.example')).toBe('/bands');
    expect(safeNextPath(null)).toBe('/bands');
  });

  it('safeNextPath: hostile inputs that URL parsers turn into another origin fall back', () => {
    const hostile = [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '/\r\n/evil.example',
      '\t//evil.example',
      '/ /evil.example',
      '/\u0000/evil.example',
      '/\u200b/evil.example',
      '/\\/evil.example',
      '\\\\evil.example',
      '/%09/evil.example/\t',
      'javascript:alert(1)',
      'https:evil.example',
      '',
      '///evil.example',
    ];
    for (const value of hostile) expect([value, safeNextPath(value)]).toEqual([value, '/bands']);
    // Same-site paths with queries, fragments and encoded characters still pass.
    for (const value of ['/bands?tab=songs#top', '/join/DEC0DE2026', '/bands/%2F%2Fevil']) expect(safeNextPath(value)).toBe(value);
  });

  it('bandNameSchema: trims and bounds the name like the SQL check', () => {
    expect(bandNameSchema.parse({ name: '  The Tapes ' }).name).toBe('The Tapes');
    expect(bandNameSchema.safeParse({ name: '   ' }).success).toBe(false);
    expect(bandNameSchema.safeParse({ name: 'x'.repeat(81) }).success).toBe(false);
  });

  it('inviteCodeSchema: accepts the code in any case, with spaces, or as the whole link', () => {
    expect(inviteCodeSchema.parse({ code: 'dec0de2026' }).code).toBe('DEC0DE2026');
    expect(inviteCodeSchema.parse({ code: ' DEC0 DE20 26 ' }).code).toBe('DEC0DE2026');
    expect(inviteCodeSchema.parse({ code: 'http://127.0.0.1:3000/join/DEC0DE2026' }).code).toBe('DEC0DE2026');
    expect(inviteCodeSchema.safeParse({ code: 'NOTACODE!!' }).success).toBe(false);
  });

  it('inviteCodeFromLink: decodes the link segment once; malformed escapes are an invalid code, not a crash', () => {
    expect(inviteCodeFromLink('dec0de2026')).toEqual({ code: 'DEC0DE2026' });
    expect(inviteCodeFromLink('DEC0%20DE2026')).toEqual({ code: 'DEC0DE2026' });
    for (const segment of ['%', '%E0%A4%A', 'DEC0DE202%', '%25']) {
      const result = inviteCodeFromLink(segment);
      expect(result.error).toBe('An invite code is 10 letters and digits, like 3FA9C01B7E');
    }
    expect(inviteCodeFromLink('%').code).toBe('%');
    expect(inviteCodeFromLink('%25').code).toBe('%'); // decoded once, not twice
  });
});

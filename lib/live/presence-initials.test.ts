import { describe, expect, it } from 'vitest';
import { initials } from './presence';

describe('presence', () => {
  it('initials: two words give two letters, upper-cased', () => {
    expect(initials('Alex Turner')).toBe('AT');
    expect(initials('sam')).toBe('S');
    expect(initials('  Ann  Be Cee ')).toBe('AB');
  });

  it('initials: accented letters, precomposed or with a combining mark, stay whole', () => {
    expect(initials('émile zola')).toBe('ÉZ');
    // "e" + U+0301 COMBINING ACUTE ACCENT: one letter on screen, two code points.
    expect(initials('e\u0301lodie Ångström')).toBe('ÉÅ');
    expect(initials('Øyvind Ćosić')).toBe('ØĆ');
  });

  it('initials: emoji, flags and ZWJ sequences are never split into halves', () => {
    expect(initials('🎸 Sam')).toBe('🎸S');
    expect(initials('🇵🇹 Lisboa')).toBe('🇵🇹L');
    expect(initials('👩🏽‍🎤 Rocks')).toBe('👩🏽‍🎤R');
    expect(initials('👨‍👩‍👧')).toBe('👨‍👩‍👧');
    // A lone surrogate half would render as U+FFFD; no output may contain one.
    for (const name of ['🎸 Sam', '🇵🇹 Lisboa', '👩🏽‍🎤 Rocks']) expect(initials(name)).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
  });

  it('initials: other scripts, letters that upper-case to two, and an empty name', () => {
    expect(initials('李 小龙')).toBe('李小');
    expect(initials('ßiggi')).toBe('ß');
    expect(initials('   ')).toBe('?');
  });
});

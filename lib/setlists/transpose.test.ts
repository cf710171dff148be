import { describe, expect, it } from 'vitest';
import { semitoneLabel, transposeKey } from './transpose';

const NATURAL: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** Pitch class and mode of a key name, computed independently of the code under test. */
function parse(key: string): { pitch: number; minor: boolean } {
  const match = /^([A-G])([#b]?)(m?)$/.exec(key);
  if (!match) throw new Error(`not a key: ${key}`);
  const shift = match[2] === '#' ? 1 : match[2] === 'b' ? -1 : 0;
  return { pitch: (NATURAL[match[1]!]! + shift + 12) % 12, minor: match[3] === 'm' };
}

const ROOTS = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];
const ALL_KEYS = [...ROOTS, ...ROOTS.map((root) => `${root}m`)];

describe('transpose', () => {
  it('transposeKey: moves the key by semitones', () => {
    expect(transposeKey('Am', 2)).toBe('Bm');
    expect(transposeKey('F', -1)).toBe('E');
    expect(transposeKey('Eb', 1)).toBe('E');
    expect(transposeKey('C', 1)).toBe('Db');
    expect(transposeKey('Dm', 0)).toBe('Dm');
    expect(transposeKey('B', 1)).toBe('C');
    expect(transposeKey('C', -1)).toBe('B');
  });

  it('transposeKey: G up 11 is the F#/Gb pitch, spelled Gb (the source lists Gb among the flat major keys)', () => {
    expect(parse(transposeKey('G', 11))).toEqual({ pitch: 6, minor: false });
    expect(transposeKey('G', 11)).toBe('Gb');
    // In minor the same pitch is written with a sharp.
    expect(transposeKey('Gm', 11)).toBe('F#m');
  });

  it('transposeKey: spells flat keys with flats and the rest with sharps', () => {
    expect(['F', 'Bb', 'Eb', 'Ab', 'Db', 'Gb'].map((key) => transposeKey(key, 12))).toEqual(['F', 'Bb', 'Eb', 'Ab', 'Db', 'Gb']);
    expect(transposeKey('C', 3)).toBe('Eb');
    expect(transposeKey('C', 8)).toBe('Ab');
    expect(transposeKey('E', 4)).toBe('Ab');
    expect(transposeKey('Am', -2)).toBe('Gm');
    expect(transposeKey('Am', 1)).toBe('Bbm');
    expect(transposeKey('Em', -3)).toBe('C#m');
    expect(transposeKey('Em', 4)).toBe('G#m');
  });

  it('transposeKey: every result is a valid key at the right pitch, keeping major or minor', () => {
    for (const key of ALL_KEYS) {
      for (let semitones = -11; semitones <= 11; semitones++) {
        const result = transposeKey(key, semitones);
        const { pitch, minor } = parse(key);
        expect(parse(result), `${key} ${semitones} → ${result}`).toEqual({ pitch: (pitch + semitones + 12) % 12, minor });
      }
    }
  });

  it('transposeKey: +k then −k returns an enharmonically equal key, for all 24 keys', () => {
    expect(ALL_KEYS).toHaveLength(24);
    for (const key of ALL_KEYS) {
      for (let k = -11; k <= 11; k++) {
        const back = transposeKey(transposeKey(key, k), -k);
        expect(parse(back), `${key} ${k}`).toEqual(parse(key));
      }
    }
    // Enharmonic, not necessarily identical: A# is written Bb.
    expect(transposeKey(transposeKey('A#', 2), -2)).toBe('Bb');
  });

  it('transposeKey: a key that does not parse is returned unchanged', () => {
    for (const key of ['', 'H', 'am', 'C##', 'Amaj', 'C#m7', 'Bbb', ' C', 'Cm ']) expect(transposeKey(key, 3), JSON.stringify(key)).toBe(key);
  });

  it('semitoneLabel: signed, with a true minus sign', () => {
    expect(semitoneLabel(2)).toBe('+2');
    expect(semitoneLabel(11)).toBe('+11');
    expect(semitoneLabel(-3)).toBe('\u22123');
    expect(semitoneLabel(-3)).not.toBe('-3');
    expect(semitoneLabel(0)).toBe('0');
  });
});

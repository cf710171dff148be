// The key a transposed item is played in, for the editor and the print view. Charts (chords in lyrics) are not
// transposed here; only the song's key name, spelled with flats for the flat keys musicians write that way.

const SHARPS = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
const FLATS = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B'];
const NATURAL: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
// Major keys written with flats (F, Bb, Eb, Ab, Db, Gb) and minor keys written with flats (Dm, Gm, Cm, Fm, Bbm, Ebm).
const FLAT_MAJOR = new Set([5, 10, 3, 8, 1, 6]);
const FLAT_MINOR = new Set([2, 7, 0, 5, 10, 3]);

/** "Am" +2 → "Bm", "F" −1 → "E", "Eb" +1 → "E"; a key that does not parse is returned unchanged. */
export function transposeKey(key: string, semitones: number): string {
  const match = /^([A-G])([#b]?)(m?)$/.exec(key);
  if (!match || semitones === 0) return key;
  const [, letter, accidental, minor] = match;
  const pitch = (NATURAL[letter!]! + (accidental === '#' ? 1 : accidental === 'b' ? -1 : 0) + semitones + 120) % 12;
  const useFlats = minor ? FLAT_MINOR.has(pitch) : FLAT_MAJOR.has(pitch);
  return `${spellPitch(pitch, useFlats)}${minor}`;
}

/** "Bb" → 10, "C#" → 1; undefined for anything that is not a note name. */
export function pitchOf(note: string): number | undefined {
  const match = /^([A-G])([#b]?)$/.exec(note);
  if (!match) return undefined;
  return (NATURAL[match[1]!]! + (match[2] === '#' ? 1 : match[2] === 'b' ? -1 : 0) + 12) % 12;
}

/** A pitch class (0 = C) as a note name, with flats or sharps. */
export function spellPitch(pitch: number, flats: boolean): string {
  return (flats ? FLATS : SHARPS)[((pitch % 12) + 12) % 12]!;
}

/** Whether a key is written with flats (F, Bb, Dm, Gm…), by the same rule transposeKey spells keys with. */
export function keyUsesFlats(key: string): boolean {
  const match = /^([A-G][#b]?)(m?)$/.exec(key);
  const pitch = match ? pitchOf(match[1]!) : undefined;
  if (pitch === undefined) return false;
  return match![2] ? FLAT_MINOR.has(pitch) : FLAT_MAJOR.has(pitch);
}

/** "+2", "−3", "0" for labels. */
export function semitoneLabel(semitones: number): string {
  return semitones > 0 ? `+${semitones}` : semitones < 0 ? `−${-semitones}` : '0';
}

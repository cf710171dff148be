import { Chord } from 'chordsheetjs';
import { keyUsesFlats, pitchOf, spellPitch, transposeKey } from '@/lib/setlists/transpose';
import type { ChartLine } from './chart';

// Chords move by semitones and are spelled for the key they land in (C −2 is Bb: Bb, Eb, F, never A#, D#), by
// the key-spelling rules the setlists use. chordsheetjs reads each chord's parts; its own transpose spells by
// the chord alone (F#m −2 came out "Fbm"), so the note names are ours.

/** The key a chart is played in after `semitones`: its {key:} directive, else the song's key; null if neither. */
export function chartKeyAfter(chartKey: string | null, songKey: string | null | undefined, semitones: number): string | null {
  const key = chartKey ?? songKey ?? null;
  return key ? transposeKey(key, semitones) : null;
}

function moveNote(note: string, semitones: number, flats: boolean): string {
  const pitch = pitchOf(note);
  return pitch === undefined ? note : spellPitch(pitch + semitones, flats);
}

/** One chord symbol moved; a symbol chordsheetjs cannot read as a chord (N.C., x) is left as written. */
export function transposeChord(symbol: string, semitones: number, flats: boolean): string {
  if (!symbol || semitones % 12 === 0) return symbol;
  const chord = Chord.parse(symbol);
  const root = chord?.root?.toString().match(/^[A-G][#b]?/)?.[0];
  if (!chord || !root) return symbol;
  const bass = chord.bass?.toString().match(/^[A-G][#b]?/)?.[0];
  const moved = `${moveNote(root, semitones, flats)}${chord.suffix ?? ''}`;
  return bass ? `${moved}/${moveNote(bass, semitones, flats)}` : moved;
}

/**
 * The chart's lines in the new key. `fromKey` is the key the chart is written in; the spelling follows the key
 * it lands in (flats for F, Bb, Dm…). Without a known key, a move down is spelled with flats and up with sharps.
 */
export function transposeLines(lines: ChartLine[], fromKey: string | null, semitones: number): ChartLine[] {
  if (semitones % 12 === 0) return lines;
  const target = fromKey ? transposeKey(fromKey, semitones) : null;
  const flats = target && target !== fromKey ? keyUsesFlats(target) : semitones < 0;
  return lines.map((line) => {
    if (line.kind === 'key') return { ...line, text: transposeKey(line.text, semitones) };
    if (line.kind !== 'lyrics') return line;
    return { ...line, pairs: line.pairs.map((pair) => ({ ...pair, chord: transposeChord(pair.chord, semitones, flats) })) };
  });
}

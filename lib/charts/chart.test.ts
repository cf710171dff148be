import { describe, expect, it } from 'vitest';
import { parseChart } from './chart';
import { chartKeyAfter, transposeLines } from './transpose';

const chords = (lines: ReturnType<typeof parseChart>['lines']) =>
  lines.flatMap((line) => (line.kind === 'lyrics' ? line.pairs.map((pair) => pair.chord).filter(Boolean) : []));

describe('parseChart', () => {
  it('parseChart: reads title, key, sections, comments and chord/lyric pairs', () => {
    const chart = parseChart('{title: Song}\n{key: C}\n{soc}\n[C]Hello [G]there\n{eoc}\n{c: slowly}\n');
    expect(chart.key).toBe('C');
    expect(chart.lines).toEqual([
      { kind: 'title', text: 'Song' },
      { kind: 'key', text: 'C' },
      { kind: 'section', label: 'Chorus' },
      { kind: 'lyrics', pairs: [{ chord: 'C', lyrics: 'Hello ' }, { chord: 'G', lyrics: 'there' }] },
      { kind: 'comment', text: 'slowly' },
    ]);
  });

  it('parseChart: lyrics without chords are one pair with no chord', () => {
    expect(parseChart('just words').lines).toEqual([{ kind: 'lyrics', pairs: [{ chord: '', lyrics: 'just words' }] }]);
  });

  it('parseChart: an empty chart has no lines and no key', () => {
    expect(parseChart('')).toEqual({ lines: [], key: null });
  });

  it('parseChart: a malformed line is marked and the good lines still show, without throwing', () => {
    const chart = parseChart('[C]Good line\n[G broken\n[F]Also good');
    const shown = chart.lines.map((line) =>
      line.kind === 'lyrics' ? line.pairs.map((pair) => (pair.chord ? `[${pair.chord}]` : '') + pair.lyrics).join('') : line,
    );
    expect(shown).toEqual(['[C]Good line', { kind: 'bad', text: '[G broken' }, '[F]Also good']);
  });

  it('parseChart: a broken directive is marked too', () => {
    const kinds = parseChart('{title: x\n[C]ok').lines.map((line) => line.kind);
    expect(kinds).toEqual(['bad', 'lyrics']);
  });
});

describe('transposeLines', () => {
  const source = '{key: C}\n[C]one [F]two [G7]three [Am]four [C/E]five';

  it('transposeLines: +12 gives the same chart', () => {
    const { lines, key } = parseChart(source);
    expect(transposeLines(lines, key, 12)).toEqual(lines);
  });

  it('transposeLines: +5 then −5 gives the same chart', () => {
    const { lines, key } = parseChart(source);
    const up = transposeLines(lines, key, 5);
    expect(chords(up)).toEqual(['F', 'Bb', 'C7', 'Dm', 'F/A']);
    expect(transposeLines(up, 'F', -5)).toEqual(lines);
  });

  it('transposeLines: C down 2 is Bb, spelled with flats (Bb, Eb, F), not A#, D#', () => {
    const { lines, key } = parseChart('{key: C}\n[C]a [F]b [G]c');
    const down = transposeLines(lines, key, -2);
    expect(chords(down)).toEqual(['Bb', 'Eb', 'F']);
    expect(down[0]).toEqual({ kind: 'key', text: 'Bb' });
    expect(chartKeyAfter(key, null, -2)).toBe('Bb');
  });

  it('transposeLines: into a sharp key the chords take sharps', () => {
    const { lines, key } = parseChart('{key: C}\n[C]a [F]b [G]c [Bb]d');
    expect(chords(transposeLines(lines, key, 2))).toEqual(['D', 'G', 'A', 'C']);
    expect(chords(transposeLines(lines, key, 4))).toEqual(['E', 'A', 'B', 'D']);
    const major = parseChart('{key: C}\n[C]a [E]b [A]c [D7]d');
    expect(chords(transposeLines(major.lines, major.key, 2))).toEqual(['D', 'F#', 'B', 'E7']);
  });

  it('transposeLines: an F major chart stays flat (Bb up a fourth is Eb, not D#)', () => {
    const { lines } = parseChart('[F]a [Bb]b [C]c');
    expect(chords(transposeLines(lines, 'F', 5))).toEqual(['Bb', 'Eb', 'F']);
    expect(chords(transposeLines(lines, 'F', 0))).toEqual(['F', 'Bb', 'C']);
  });

  it('transposeLines: Dm charts are spelled with flats (Am −7 → Dm: Dm, Gm, Bb, A7)', () => {
    const { lines } = parseChart('[Am]a [Dm]b [F]c [E7]d');
    expect(chords(transposeLines(lines, 'Am', -7))).toEqual(['Dm', 'Gm', 'Bb', 'A7']);
    expect(chartKeyAfter(null, 'Am', -7)).toBe('Dm');
  });

  it('chartKeyAfter: the {key:} directive wins over the song key; no key at all is null', () => {
    expect(chartKeyAfter('G', 'C', 2)).toBe('A');
    expect(chartKeyAfter(null, null, 2)).toBeNull();
  });
});

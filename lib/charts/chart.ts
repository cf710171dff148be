import { ChordLyricsPair, ChordProParser, Tag, type Song as ChordSheet } from 'chordsheetjs';

// A ChordPro chart as plain data for React to render (text only, never HTML). chordsheetjs does the parsing; a
// sheet it cannot read whole is read line by line, so one broken line does not hide the rest of the chart.

export type ChordPair = { chord: string; lyrics: string };
export type ChartLine =
  | { kind: 'lyrics'; pairs: ChordPair[] }
  | { kind: 'comment'; text: string }
  | { kind: 'section'; label: string }
  | { kind: 'title'; text: string }
  | { kind: 'key'; text: string }
  | { kind: 'blank' }
  /** A line chordsheetjs could not read: shown as written and marked. */
  | { kind: 'bad'; text: string };

export type Chart = { lines: ChartLine[]; key: string | null };

const SECTIONS: Record<string, string> = {
  start_of_chorus: 'Chorus',
  start_of_verse: 'Verse',
  start_of_bridge: 'Bridge',
  start_of_tab: 'Tab',
  start_of_grid: 'Grid',
};
const TITLES = new Set(['title', 'subtitle']);
const COMMENTS = new Set(['comment', 'comment_italic', 'comment_box']);

function sheetLines(sheet: ChordSheet): ChartLine[] {
  const lines: ChartLine[] = [];
  for (const line of sheet.lines) {
    const pairs: ChordPair[] = [];
    let directive: ChartLine | null = null;
    for (const item of line.items) {
      if (item instanceof ChordLyricsPair) pairs.push({ chord: item.chords ?? '', lyrics: item.lyrics ?? '' });
      else if (item instanceof Tag) directive = fromTag(item) ?? directive;
      // Other items (ChordPro `#` comments, ternaries) are meant to stay hidden.
    }
    if (directive) lines.push(directive);
    else if (pairs.length) lines.push({ kind: 'lyrics', pairs });
    else if (line.items.length === 0) lines.push({ kind: 'blank' });
  }
  return lines;
}

function fromTag(tag: Tag): ChartLine | null {
  const value = (tag.value ?? '').trim();
  if (SECTIONS[tag.name]) return { kind: 'section', label: value || SECTIONS[tag.name]! };
  if (TITLES.has(tag.name)) return value ? { kind: 'title', text: value } : null;
  if (tag.name === 'key') return value ? { kind: 'key', text: value } : null;
  if (COMMENTS.has(tag.name)) return value ? { kind: 'comment', text: value } : null;
  return null; // end_of_* and directives a reader does not need (capo, tempo…)
}

const parser = () => new ChordProParser();

/** Reads a chart; never throws. */
export function parseChart(source: string): Chart {
  let lines: ChartLine[];
  try {
    lines = sheetLines(parser().parse(source));
  } catch {
    lines = source.split(/\r?\n/).flatMap((text): ChartLine[] => {
      if (text.trim() === '') return [{ kind: 'blank' }];
      try {
        const read = sheetLines(parser().parse(text));
        return read.length ? read : [];
      } catch {
        return [{ kind: 'bad', text }];
      }
    });
  }
  // The parser reports the line after the last newline as an empty line; it is not part of the chart.
  while (lines.at(-1)?.kind === 'blank') lines.pop();
  const key = lines.find((line): line is Extract<ChartLine, { kind: 'key' }> => line.kind === 'key')?.text ?? null;
  return { lines, key };
}

import { describe, expect, it } from 'vitest';
import { conflictHints, conflictMessage, shownValue } from './conflicts';

describe('song conflict text', () => {
  it('names exactly the conflicting fields with both values', () => {
    expect(conflictMessage([{ field: 'tempo_bpm', mine: 120, theirs: 110 }])).toBe(
      'A bandmate also changed tempo (theirs “110”, yours “120”) while you were editing. Everything else you changed is kept in the form; choose and save again.',
    );
  });

  it('shows durations as m:ss and cleared fields as (empty)', () => {
    expect(shownValue('duration_s', 225)).toBe('3:45');
    expect(shownValue('key', null)).toBe('(empty)');
    expect(conflictHints([{ field: 'key', mine: null, theirs: 'E' }])).toEqual({ key: 'A bandmate saved “E”. Yours is kept here; saving uses it.' });
  });
});

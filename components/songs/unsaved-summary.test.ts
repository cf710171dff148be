import { describe, expect, it } from 'vitest';
import type { Song } from '@/lib/database.types';
import { unsavedSummary } from './unsaved-summary';

const winner: Song = {
  id: '1', band_id: 'b', title: 'Valerie', artist: 'The Zutons', key: 'Eb', tempo_bpm: 106, duration_s: 234,
  status: 'ready', notes: null, version: 3, created_by: null, created_at: '', updated_at: '',
};

describe('unsaved-summary', () => {
  it('unsavedSummary: lists only the fields where the refused edit differs from the winner', () => {
    const values = { title: 'Valerie (live)', artist: 'The Zutons', key: 'Eb', tempo_bpm: '112', duration_s: '3:54', status: 'ready', notes: '' };
    expect(unsavedSummary(values, winner)).toBe(' Your unsaved edit: title “Valerie (live)”, tempo “112”.');
  });

  it('unsavedSummary: empty when nothing would have changed', () => {
    expect(unsavedSummary({ title: 'Valerie' }, winner)).toBe('');
  });
});

import type { Song } from '@/lib/database.types';
import { compareBytes } from '@/lib/compare';
import { defineLiveTable } from '../definition';

/** Songs in title order (case-insensitive), then id so equal titles keep one order on every device. */
export function compareSongs(a: Song, b: Song): number {
  return a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || compareBytes(a.id, b.id);
}

export const songsTable = defineLiveTable<Song>({ table: 'songs', key: ['id'], compare: compareSongs });

/** The row this device shows for a song it is adding, before the server has answered (version 0: never saved). */
export function draftSong(id: string, fields: Omit<Song, 'id' | 'version' | 'created_by' | 'created_at' | 'updated_at'>): Song {
  const now = new Date().toISOString();
  return { ...fields, id, version: 0, created_by: null, created_at: now, updated_at: now };
}

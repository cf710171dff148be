import type { Setlist, SetlistItem } from '@/lib/database.types';
import { compareItems } from '@/lib/order/keys';
import { compareBytes } from '@/lib/compare';
import { defineLiveTable } from '../definition';

export const setlistsTable = defineLiveTable<Setlist>({
  table: 'setlists',
  key: ['id'],
  compare: (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || compareBytes(a.id, b.id),
});

/** Items in fractional-key order (byte-wise), the same order PostgreSQL gives with COLLATE "C". */
export const setlistItemsTable = defineLiveTable<SetlistItem>({ table: 'setlist_items', key: ['id'], compare: compareItems });

/** The row this device shows for an item it is adding, before the server has answered (version 0: never saved). */
export function draftItem(fields: Pick<SetlistItem, 'id' | 'band_id' | 'setlist_id' | 'kind' | 'position'> & Partial<SetlistItem>): SetlistItem {
  const now = new Date().toISOString();
  return { song_id: null, transpose: 0, notes: null, duration_override_s: null, ...fields, version: 0, created_at: now, updated_at: now };
}

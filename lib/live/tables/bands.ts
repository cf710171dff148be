import type { Band, BandMemberRow } from '@/lib/database.types';
import { compareBytes } from '@/lib/compare';
import { defineLiveTable } from '../definition';

/** The band itself: one row, its own id is the band (a rename is an UPDATE, a deletion a DELETE of it). */
export const bandsTable = defineLiveTable<Band>({ table: 'bands', bandColumn: 'id', key: ['id'], compare: (a, b) => compareBytes(a.id, b.id) });

/**
 * The line-up. Under RLS Realtime relays a DELETE (someone left, was removed, or the band went) without an RLS
 * check and with the primary key only, band_id and user_id: enough to know who went. Its band filter is matched
 * against the old row (REPLICA IDENTITY FULL); were it not, a key from another band would simply not be in this
 * band's store, so nothing here depends on DELETE filters.
 */
export const bandMembersTable = defineLiveTable<BandMemberRow>({
  table: 'band_members',
  key: ['band_id', 'user_id'],
  compare: (a, b) => compareBytes(a.joined_at, b.joined_at) || compareBytes(a.user_id, b.user_id),
});

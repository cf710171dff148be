import { describe, expect, it } from 'vitest';
import { expiresIn } from '@/lib/bands/expires-in';
import { deleteBandSchema, memberRoleSchema, renameBandSchema } from './band';
import { profileSchema } from './profile';

const band_id = 'b0000000-0000-4000-8000-000000000001';
const user_id = '11111111-1111-4111-8111-111111111111';

describe('band management validation', () => {
  it('renameBandSchema: trims, refuses blank and over 80 characters with a message, never cuts', () => {
    expect(renameBandSchema.parse({ band_id, name: '  The Tapes ' })).toEqual({ band_id, name: 'The Tapes' });
    expect(renameBandSchema.safeParse({ band_id, name: '   ' }).error?.issues[0]?.message).toBe('Band name is required');
    expect(renameBandSchema.safeParse({ band_id, name: 'x'.repeat(81) }).error?.issues[0]?.message).toBe('Band name must be at most 80 characters');
    expect(renameBandSchema.safeParse({ band_id: 'nope', name: 'Fine' }).success).toBe(false);
  });

  it('memberRoleSchema: only owner, admin or member', () => {
    expect(memberRoleSchema.parse({ band_id, user_id, role: 'admin' }).role).toBe('admin');
    expect(memberRoleSchema.safeParse({ band_id, user_id, role: 'king' }).error?.issues[0]?.message).toBe('A role is owner, admin or member');
  });

  it('deleteBandSchema: the typed name is required and trimmed', () => {
    expect(deleteBandSchema.parse({ band_id, confirm_name: ' The Tapes ' }).confirm_name).toBe('The Tapes');
    expect(deleteBandSchema.safeParse({ band_id, confirm_name: ' ' }).success).toBe(false);
  });

  it('profileSchema: 1–80 characters after trimming, as profiles checks', () => {
    expect(profileSchema.parse({ display_name: ' Sam ' }).display_name).toBe('Sam');
    expect(profileSchema.safeParse({ display_name: '' }).error?.issues[0]?.message).toBe('Name is required');
    expect(profileSchema.safeParse({ display_name: 'x'.repeat(81) }).error?.issues[0]?.message).toBe('Name must be at most 80 characters');
  });
});

describe('expiresIn', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it('says minutes, hours or days, rounded', () => {
    expect(expiresIn('2026-11-28T12:20:00Z', now)).toBe('in 20 minutes');
    expect(expiresIn('2026-11-29T09:00:00Z', now)).toBe('in 21 hours');
    expect(expiresIn('2026-12-05T12:00:00Z', now)).toBe('in 7 days');
  });
});

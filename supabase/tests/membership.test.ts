import { beforeAll, describe, expect, inject, it } from 'vitest';
import { band, roleOf, signUp, sql, type User } from './support';

const stack = inject('stack');
let owner: User, admin: User, member: User, outsider: User;

beforeAll(async () => {
  [owner, admin, member, outsider] = await Promise.all([signUp(stack, 'owner'), signUp(stack, 'admin'), signUp(stack, 'member'), signUp(stack, 'outsider')]);
});

describe('band_members: role changes', () => {
  it('an admin cannot make themselves owner, by PATCH or by set_member_role', async () => {
    const bandId = await band(stack, owner, [[admin, 'admin']]);
    const patch = await admin.client.from('band_members').update({ role: 'owner' }).eq('band_id', bandId).eq('user_id', admin.id);
    expect(patch.error?.code).toBe('42501');
    const rpc = await admin.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: admin.id, p_role: 'owner' });
    expect(rpc.error).toMatchObject({ code: '42501', message: 'Only an owner can grant or take away the owner role' });
    expect(await roleOf(stack, bandId, admin.id)).toBe('admin');
  });

  it('an admin cannot demote or remove an owner', async () => {
    const bandId = await band(stack, owner, [[admin, 'admin']]);
    const demote = await admin.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: owner.id, p_role: 'member' });
    expect(demote.error?.code).toBe('42501');
    const remove = await admin.client.from('band_members').delete().eq('band_id', bandId).eq('user_id', owner.id).select();
    expect(remove.data).toEqual([]); // RLS: the owner's row is not the admin's to delete
    expect(await roleOf(stack, bandId, owner.id)).toBe('owner');
  });

  it('an admin moves people between member and admin; a member changes nothing; roles are checked', async () => {
    const bandId = await band(stack, owner, [[admin, 'admin'], [member, 'member']]);
    expect((await admin.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: member.id, p_role: 'admin' })).error).toBeNull();
    expect(await roleOf(stack, bandId, member.id)).toBe('admin');
    expect((await admin.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: member.id, p_role: 'member' })).error).toBeNull();
    const byMember = await member.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: member.id, p_role: 'admin' });
    expect(byMember.error?.code).toBe('42501');
    const bogus = await owner.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: member.id, p_role: 'king' });
    expect(bogus.error?.code).toBe('22023');
    const stranger = await owner.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: outsider.id, p_role: 'admin' });
    expect(stranger.error?.code).toBe('22023');
    expect(await roleOf(stack, bandId, outsider.id)).toBeUndefined();
  });

  it('an owner promotes member → admin → owner, and may then step down', async () => {
    const bandId = await band(stack, owner, [[member, 'member']]);
    expect((await owner.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: member.id, p_role: 'admin' })).error).toBeNull();
    expect(await roleOf(stack, bandId, member.id)).toBe('admin');
    expect((await owner.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: member.id, p_role: 'owner' })).error).toBeNull();
    expect((await owner.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: owner.id, p_role: 'member' })).error).toBeNull();
    expect(await roleOf(stack, bandId, owner.id)).toBe('member');
  });

  it('the last owner can neither step down nor leave; the band can still be deleted', async () => {
    const bandId = await band(stack, owner, [[member, 'member']]);
    const demote = await owner.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: owner.id, p_role: 'admin' });
    expect(demote.error).toMatchObject({ code: '42501', message: 'A band needs at least one owner' });
    const leave = await owner.client.from('band_members').delete().eq('band_id', bandId).eq('user_id', owner.id);
    expect(leave.error).toMatchObject({ code: '42501', message: 'A band needs at least one owner' });
    expect(await roleOf(stack, bandId, owner.id)).toBe('owner');
    // A member leaving is fine, and so is deleting the band, whose cascade removes the last owner too.
    expect((await member.client.from('band_members').delete().eq('band_id', bandId).eq('user_id', member.id)).error).toBeNull();
    expect((await owner.client.from('bands').delete().eq('id', bandId)).error).toBeNull();
    expect(await sql(stack, 'select 1 from public.band_members where band_id = $1', [bandId])).toEqual([]);
  });

  it('band_id, user_id and joined_at never change, even for the superuser', async () => {
    const bandId = await band(stack, owner, [[member, 'member']]);
    for (const set of [`user_id = '${outsider.id}'`, `joined_at = now() - interval '1 year'`, `band_id = gen_random_uuid()`]) {
      await expect(sql(stack, `update public.band_members set ${set} where band_id = $1 and user_id = $2`, [bandId, member.id])).rejects.toMatchObject({
        code: '42501',
        message: "Only a member's role can change; band_id, user_id and joined_at are fixed",
      });
    }
  });
});

describe('created_by and band moves', () => {
  it('created_by is the inserting user on bands and songs, and an update cannot rewrite it', async () => {
    const bandId = await band(stack, owner, [[admin, 'admin']]);
    const song = await admin.client.from('songs').insert({ band_id: bandId, title: 'Forged', created_by: owner.id }).select().single();
    expect(song.error).toBeNull();
    expect(song.data?.created_by).toBe(admin.id);
    const rewrite = await admin.client.from('songs').update({ created_by: owner.id }).eq('id', song.data!.id).select().single();
    expect(rewrite.data?.created_by).toBe(admin.id);
    const renamed = await admin.client.from('bands').update({ name: 'Renamed', created_by: admin.id }).eq('id', bandId).select().single();
    expect(renamed.data).toMatchObject({ name: 'Renamed', created_by: owner.id });
  });

  it('moving a song to another band is refused with 22023', async () => {
    const first = await band(stack, owner);
    const second = await band(stack, owner);
    const song = await owner.client.from('songs').insert({ band_id: first, title: 'Stays' }).select().single();
    const move = await owner.client.from('songs').update({ band_id: second }).eq('id', song.data!.id);
    expect(move.error).toMatchObject({ code: '22023', message: 'A song cannot move to another band' });
    expect(await sql(stack, 'select band_id from public.songs where id = $1', [song.data!.id])).toEqual([{ band_id: first }]);
  });

  it('the seed still loads: the demo band has its owner and songs', async () => {
    const rows = await sql<{ role: string; songs: string }>(
      stack,
      `select m.role, (select count(*) from public.songs s where s.band_id = m.band_id)::text as songs
       from public.band_members m where m.band_id = 'b0000000-0000-4000-8000-000000000001' and m.user_id = '11111111-1111-4111-8111-111111111111'`,
    );
    expect(rows).toEqual([{ role: 'owner', songs: '5' }]);
  });
});

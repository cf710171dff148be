-- Membership hardening (security review): role changes only through set_member_role(), a band never loses its
-- last owner, server-owned created_by, songs cannot move between bands, and presence on private channels that
-- only a band's members may join.

-- ---------------------------------------------------------------------------------------------------------------
-- band_members: the direct UPDATE policy let an admin make themselves owner, demote the owner and rewrite
-- user_id / joined_at (pulling anyone into the band). The app never updates band_members directly, so the
-- policy and the privilege go; roles change through set_member_role(), which applies the rules below.

drop policy "band_members: owners and admins change roles" on public.band_members;
-- Without the privilege a PATCH fails loudly (42501) instead of silently matching no row.
revoke update on public.band_members from anon, authenticated;

drop policy "band_members: owners and admins remove, anyone leaves" on public.band_members;
create policy "band_members: members leave, owners remove, admins remove non-owners"
  on public.band_members for delete to authenticated
  using (
    user_id = (select auth.uid())
    or public.band_role(band_id) = 'owner'
    or (public.band_role(band_id) = 'admin' and role <> 'owner')
  );

-- Invariants for every writer, the service role and definer functions included: a membership row only ever
-- changes its role, and a band that still exists keeps at least one owner.
-- security definer: it must see and lock the band's row whatever the caller's RLS lets them see.
create function public.guard_band_members()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    if new.band_id is distinct from old.band_id or new.user_id is distinct from old.user_id
       or new.joined_at is distinct from old.joined_at then
      raise exception 'Only a member''s role can change; band_id, user_id and joined_at are fixed'
        using errcode = '42501', hint = 'Remove the member and invite them again instead.';
    end if;
    if old.role <> 'owner' or new.role = 'owner' then
      return new;
    end if;
  elsif old.role <> 'owner' then
    return old;
  end if;

  -- Serialise owner changes per band: without the lock two owners demoting each other concurrently would both
  -- see the other as the remaining owner. NO KEY UPDATE does not block foreign-key checks from other tables.
  perform 1 from public.bands b where b.id = old.band_id for no key update;
  if not found then
    return case when tg_op = 'UPDATE' then new else old end; -- the band itself is being deleted (cascade)
  end if;
  -- Deleting the account cascades here too; refusing would make the account undeletable. The band is then
  -- left without an owner, which an operator resolves.
  if tg_op = 'DELETE' and not exists (select 1 from auth.users u where u.id = old.user_id) then
    return old;
  end if;
  if not exists (
    select 1 from public.band_members m
    where m.band_id = old.band_id and m.role = 'owner' and m.user_id <> old.user_id
  ) then
    raise exception 'A band needs at least one owner'
      using errcode = '42501', hint = 'Make another member an owner first, or delete the band.';
  end if;
  return case when tg_op = 'UPDATE' then new else old end;
end;
$$;

revoke execute on function public.guard_band_members() from public, anon, authenticated;

create trigger guard_band_members
  before update or delete on public.band_members
  for each row execute function public.guard_band_members();

-- Owners may give or take any role; admins may only move people between member and admin and never touch an
-- owner. The last-owner rule is the trigger's. security definer because callers have no UPDATE privilege.
create function public.set_member_role(p_band_id uuid, p_user_id uuid, p_role text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller_role text := public.band_role(p_band_id);
  target_role text;
begin
  if (select auth.uid()) is null then
    raise exception 'Sign in to change roles' using errcode = '42501';
  end if;
  if p_role is null or p_role not in ('owner', 'admin', 'member') then
    raise exception 'Unknown role %', coalesce(p_role, 'null')
      using errcode = '22023', hint = 'A role is owner, admin or member.';
  end if;
  if caller_role is null or caller_role not in ('owner', 'admin') then
    raise exception 'Only the band''s owners and admins change roles' using errcode = '42501';
  end if;
  select m.role into target_role from public.band_members m
  where m.band_id = p_band_id and m.user_id = p_user_id
  for update;
  if not found then
    raise exception 'That person is not a member of this band' using errcode = '22023';
  end if;
  if caller_role <> 'owner' and (p_role = 'owner' or target_role = 'owner') then
    raise exception 'Only an owner can grant or take away the owner role' using errcode = '42501';
  end if;
  update public.band_members m set role = p_role where m.band_id = p_band_id and m.user_id = p_user_id;
end;
$$;

revoke execute on function public.set_member_role(uuid, uuid, text) from public, anon;
grant execute on function public.set_member_role(uuid, uuid, text) to authenticated;

-- ---------------------------------------------------------------------------------------------------------------
-- created_by is the server's word: the inserting user, then never changed by an API request. Writers without a
-- user (the seed, migrations, service-role tooling) may record it themselves.

create function public.stamp_created_by()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null and current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
  else
    new.created_by := old.created_by;
  end if;
  return new;
end;
$$;

revoke execute on function public.stamp_created_by() from public, anon, authenticated;

create trigger bands_stamp_created_by
  before insert or update on public.bands
  for each row execute function public.stamp_created_by();
create trigger songs_stamp_created_by
  before insert or update on public.songs
  for each row execute function public.stamp_created_by();

-- A song moved to another band used to keep its old band_id silently; the writer now hears why nothing moved.
create or replace function public.songs_stamp_version()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.version := 1;
    new.created_at := now();
  else
    -- Realtime filters and RLS of other members' views depend on band_id; a move would be a delete + insert.
    if new.band_id is distinct from old.band_id then
      raise exception 'A song cannot move to another band'
        using errcode = '22023', hint = 'Add the song to the other band instead.';
    end if;
    new.version := old.version + 1;
    new.created_at := old.created_at;
  end if;
  new.updated_at := now();
  return new;
end;
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Private Realtime channels named `<kind>:<band uuid>` (presence:<band id>): only the band's members may join
-- (read) and send or track (write). realtime.topic() is the channel name without the `realtime:` prefix.

-- False for any topic not of that shape, so a malformed topic is refused rather than failing a uuid cast.
create function public.is_band_member_topic(p_topic text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    public.is_band_member(
      substring(p_topic from '^[a-z_]+:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$')::uuid
    ),
    false
  );
$$;

revoke execute on function public.is_band_member_topic(text) from public, anon;
grant execute on function public.is_band_member_topic(text) to authenticated;

create policy "band channels: members receive presence and broadcast"
  on realtime.messages for select to authenticated
  using (
    realtime.messages.extension in ('presence', 'broadcast')
    and public.is_band_member_topic((select realtime.topic()))
  );
create policy "band channels: members track presence and broadcast"
  on realtime.messages for insert to authenticated
  with check (
    realtime.messages.extension in ('presence', 'broadcast')
    and public.is_band_member_topic((select realtime.topic()))
  );

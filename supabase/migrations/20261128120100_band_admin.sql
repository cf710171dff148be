-- Band management: bands and band_members become live rows (a version the server owns, so a refetch and a
-- Realtime event that race each other settle on the newer copy), and invite_preview() names the band and who
-- invited before anyone joins.

-- ---------------------------------------------------------------------------------------------------------------
-- version: 1 on insert, +1 on every update, whatever the writer sends (the app's live stores compare it).

alter table public.bands add column version integer not null default 1;
alter table public.band_members add column version integer not null default 1;

create function public.stamp_version()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.version := case when tg_op = 'INSERT' then 1 else old.version + 1 end;
  return new;
end;
$$;

revoke execute on function public.stamp_version() from public, anon, authenticated;

create trigger bands_stamp_version
  before insert or update on public.bands
  for each row execute function public.stamp_version();
create trigger band_members_stamp_version
  before insert or update on public.band_members
  for each row execute function public.stamp_version();

-- ---------------------------------------------------------------------------------------------------------------
-- What the join page shows before joining. security definer: the visitor cannot read band_invites, bands or the
-- inviter's profile yet. A wrong code and an expired one say only that (status 'unknown' / 'expired'): the band's
-- name and the inviter are given for a live code alone, which is exactly what joining with it would reveal.
-- Signed-in callers only (the join page is behind sign-in), so codes cannot be probed without an account.

create function public.invite_preview(invite_code text)
returns table (status text, band_name text, invited_by text, expires_at timestamptz, already_member boolean)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  invite record;
begin
  if (select auth.uid()) is null then
    raise exception 'Sign in to see an invite' using errcode = '42501';
  end if;
  select i.band_id, i.expires_at, i.created_by into invite
  from public.band_invites i
  where i.code = upper(btrim(coalesce(invite_code, '')));
  if not found then
    return query select 'unknown'::text, null::text, null::text, null::timestamptz, false;
    return;
  end if;
  if invite.expires_at <= now() then
    return query select 'expired'::text, null::text, null::text, null::timestamptz, false;
    return;
  end if;
  return query
    select 'valid'::text, b.name, p.display_name, invite.expires_at,
      exists (select 1 from public.band_members m where m.band_id = b.id and m.user_id = (select auth.uid()))
    from public.bands b
    left join public.profiles p on p.id = invite.created_by
    where b.id = invite.band_id;
end;
$$;

revoke execute on function public.invite_preview(text) from public, anon;
grant execute on function public.invite_preview(text) to authenticated;

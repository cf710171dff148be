-- bands, band_members, band_invites and the membership helpers every band-owned table's RLS goes through.

create table public.bands (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 80),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);

create table public.band_members (
  band_id uuid not null references public.bands (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'member' check (role in ('owner', 'admin', 'member')),
  joined_at timestamptz not null default now(),
  primary key (band_id, user_id)
);
create index band_members_user_id_idx on public.band_members (user_id);

create table public.band_invites (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands (id) on delete cascade,
  -- 10 upper-case hex characters: short enough to read out, 2^40 guesses to hit one by chance.
  code text not null unique default upper(encode(extensions.gen_random_bytes(5), 'hex'))
    check (code ~ '^[0-9A-F]{10}$'),
  expires_at timestamptz not null default now() + interval '7 days',
  created_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index band_invites_band_id_idx on public.band_invites (band_id);

alter table public.bands enable row level security;
alter table public.band_members enable row level security;
alter table public.band_invites enable row level security;

-- The helpers are security definer so that policies on band_members can ask about band_members without
-- recursing into their own RLS (the "infinite recursion detected in policy" trap). Stable, so Postgres may
-- evaluate them once per statement; `(select auth.uid())` likewise caches the uid per statement.
create function public.is_band_member(p_band_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.band_members m
    where m.band_id = p_band_id and m.user_id = (select auth.uid())
  );
$$;

create function public.band_role(p_band_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select m.role from public.band_members m
  where m.band_id = p_band_id and m.user_id = (select auth.uid());
$$;

-- True when the caller and p_user_id play in at least one band together (who may see whose profile).
create function public.shares_band(p_user_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.band_members mine
    join public.band_members theirs on theirs.band_id = mine.band_id
    where mine.user_id = (select auth.uid()) and theirs.user_id = p_user_id
  );
$$;

revoke execute on function public.is_band_member(uuid), public.band_role(uuid), public.shares_band(uuid) from public, anon;
grant execute on function public.is_band_member(uuid), public.band_role(uuid), public.shares_band(uuid) to authenticated;

create policy "profiles: visible to self and bandmates"
  on public.profiles for select to authenticated
  using (id = (select auth.uid()) or public.shares_band(id));

create policy "bands: members read"
  on public.bands for select to authenticated
  using (public.is_band_member(id));
create policy "bands: owners and admins rename"
  on public.bands for update to authenticated
  using (public.band_role(id) in ('owner', 'admin'))
  with check (public.band_role(id) in ('owner', 'admin'));
create policy "bands: owners delete"
  on public.bands for delete to authenticated
  using (public.band_role(id) = 'owner');
-- No insert policy: bands are created through create_band(), which also makes the creator the owner.

create policy "band_members: members see the line-up"
  on public.band_members for select to authenticated
  using (public.is_band_member(band_id));
create policy "band_members: owners and admins change roles"
  on public.band_members for update to authenticated
  using (public.band_role(band_id) in ('owner', 'admin'))
  with check (public.band_role(band_id) in ('owner', 'admin'));
create policy "band_members: owners and admins remove, anyone leaves"
  on public.band_members for delete to authenticated
  using (public.band_role(band_id) in ('owner', 'admin') or user_id = (select auth.uid()));
-- No insert policy: members arrive through create_band() and join_band().

create policy "band_invites: owners and admins read"
  on public.band_invites for select to authenticated
  using (public.band_role(band_id) in ('owner', 'admin'));
create policy "band_invites: owners and admins create"
  on public.band_invites for insert to authenticated
  with check (public.band_role(band_id) in ('owner', 'admin') and created_by = (select auth.uid()));
create policy "band_invites: owners and admins revoke"
  on public.band_invites for delete to authenticated
  using (public.band_role(band_id) in ('owner', 'admin'));

-- Creates a band and makes the caller its owner in one transaction, so no band is ever ownerless.
create function public.create_band(band_name text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_band_id uuid;
begin
  if (select auth.uid()) is null then
    raise exception 'Sign in to create a band' using errcode = '42501';
  end if;
  insert into public.bands (name, created_by)
  values (btrim(band_name), (select auth.uid()))
  returning id into new_band_id;
  insert into public.band_members (band_id, user_id, role)
  values (new_band_id, (select auth.uid()), 'owner');
  return new_band_id;
end;
$$;

-- Joins the caller to the band an unexpired invite belongs to; idempotent for existing members (their role
-- is kept). security definer because the joiner cannot read band_invites or insert into band_members.
create function public.join_band(invite_code text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  invite record;
begin
  if (select auth.uid()) is null then
    raise exception 'Sign in to join a band' using errcode = '42501';
  end if;
  select i.band_id, i.expires_at into invite
  from public.band_invites i
  where i.code = upper(btrim(invite_code));
  if not found then
    raise exception 'No band has the invite code %', upper(btrim(invite_code))
      using errcode = 'P0001', hint = 'Check the code, or ask a band owner for a new invite.';
  end if;
  if invite.expires_at <= now() then
    raise exception 'The invite code % has expired', upper(btrim(invite_code))
      using errcode = 'P0001', hint = 'Ask a band owner for a new invite.';
  end if;
  insert into public.band_members (band_id, user_id, role)
  values (invite.band_id, (select auth.uid()), 'member')
  on conflict (band_id, user_id) do nothing;
  return invite.band_id;
end;
$$;

revoke execute on function public.create_band(text), public.join_band(text) from public, anon;
grant execute on function public.create_band(text), public.join_band(text) to authenticated;

-- Realtime: membership changes are live (a joining member appears for the others). FULL so UPDATE and
-- DELETE events carry the whole old row, which Realtime needs to apply filters and RLS to them.
alter table public.bands replica identity full;
alter table public.band_members replica identity full;
alter publication supabase_realtime add table public.bands, public.band_members;

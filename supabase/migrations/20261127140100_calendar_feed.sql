-- A private iCalendar feed per user: calendar apps (Google, Apple, Outlook) poll a URL with no session, so the
-- URL itself carries a secret token. One token per user; regenerating replaces it (the old URL stops working at
-- once) and revoking deletes it. The feed holds the shows and practices of the bands the token's owner is a
-- member of at the moment of the request, so leaving a band takes its events out of the next refresh.

create table public.calendar_tokens (
  user_id uuid primary key references auth.users (id) on delete cascade,
  -- 32 random bytes as lower-case hex: unguessable, and URL-safe as it is.
  token text not null unique check (token ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now()
);

comment on table public.calendar_tokens is 'Secret of each user''s calendar feed URL; written only through regenerate/revoke_calendar_token().';

alter table public.calendar_tokens enable row level security;

create policy "calendar_tokens: a user reads their own"
  on public.calendar_tokens for select to authenticated
  using (user_id = (select auth.uid()));

-- No write policies, and no privileges either, so a direct write fails loudly (42501) rather than matching no
-- row; anon (calendar apps, anyone holding a URL) cannot read the table at all, only call calendar_feed().
revoke all on public.calendar_tokens from anon;
revoke insert, update, delete, truncate, references, trigger on public.calendar_tokens from authenticated;

-- security definer: the caller has no write privilege on calendar_tokens.
create function public.regenerate_calendar_token()
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_token text := encode(extensions.gen_random_bytes(32), 'hex');
begin
  if (select auth.uid()) is null then
    raise exception 'Sign in to get a calendar link' using errcode = '42501';
  end if;
  insert into public.calendar_tokens (user_id, token)
  values ((select auth.uid()), new_token)
  on conflict (user_id) do update set token = excluded.token, created_at = now();
  return new_token;
end;
$$;

create function public.revoke_calendar_token()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception 'Sign in to turn off the calendar link' using errcode = '42501';
  end if;
  delete from public.calendar_tokens t where t.user_id = (select auth.uid());
end;
$$;

revoke execute on function public.regenerate_calendar_token(), public.revoke_calendar_token() from public, anon;
grant execute on function public.regenerate_calendar_token(), public.revoke_calendar_token() to authenticated;

-- The feed for a token, or null for anything that is not a live token (unknown, revoked, malformed): callers
-- answer 404 alike, so nobody learns whether a token once existed. Fees, contacts and notes stay out: anyone
-- holding the URL reads the feed. Events more than a year old are left out too (apps re-download everything on
-- every refresh, and a long-running band's history would only grow).
create function public.calendar_feed(p_token text)
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  owner_id uuid;
  result json;
begin
  if p_token is null or p_token !~ '^[0-9a-f]{64}$' then
    return null;
  end if;
  select t.user_id into owner_id from public.calendar_tokens t where t.token = p_token;
  if owner_id is null then
    return null;
  end if;

  select json_build_object(
    'display_name', (select p.display_name from public.profiles p where p.id = owner_id),
    'bands', coalesce((
      select json_agg(json_build_object('id', b.id, 'name', b.name) order by b.name, b.id)
      from public.bands b join public.band_members m on m.band_id = b.id and m.user_id = owner_id
    ), '[]'::json),
    'shows', coalesce((
      select json_agg(json_build_object(
        'id', s.id, 'band_id', s.band_id, 'title', s.title, 'venue_name', s.venue_name,
        'venue_address', s.venue_address, 'time_zone', s.time_zone, 'starts_at', s.starts_at,
        'load_in_at', s.load_in_at, 'soundcheck_at', s.soundcheck_at, 'doors_at', s.doors_at,
        'set_start_at', s.set_start_at, 'set_end_at', s.set_end_at, 'status', s.status,
        'version', s.version, 'created_at', s.created_at, 'updated_at', s.updated_at
      ) order by s.starts_at, s.id)
      from public.shows s join public.band_members m on m.band_id = s.band_id and m.user_id = owner_id
      where s.starts_at >= now() - interval '1 year'
    ), '[]'::json),
    'practice_sessions', coalesce((
      select json_agg(json_build_object(
        'id', ps.id, 'band_id', ps.band_id, 'starts_at', ps.starts_at, 'ends_at', ps.ends_at,
        'time_zone', ps.time_zone, 'location', ps.location,
        'version', ps.version, 'created_at', ps.created_at, 'updated_at', ps.updated_at
      ) order by ps.starts_at, ps.id)
      from public.practice_sessions ps join public.band_members m on m.band_id = ps.band_id and m.user_id = owner_id
      where ps.starts_at >= now() - interval '1 year'
    ), '[]'::json)
  ) into result;
  return result;
end;
$$;

revoke execute on function public.calendar_feed(text) from public;
grant execute on function public.calendar_feed(text) to anon, authenticated;

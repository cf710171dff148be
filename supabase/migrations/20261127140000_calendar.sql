-- The band's calendar: shows, practice sessions with their agenda, each member's learn status per song, who can
-- make which event (availability) and the dates a member is away. Every table is a live table (band_id, version,
-- stamped by stamp_live_row, REPLICA IDENTITY FULL, published). The checks mirror lib/validation/{show,practice,availability}.ts.
-- Composite foreign keys (…, band_id) make "a row of band A pointing at an event, setlist or song of band B"
-- impossible in SQL itself; (band_id, user_id) → band_members takes a member's answers with them when they leave.

-- An IANA zone name ('Europe/Lisbon', 'UTC'); abbreviations and POSIX strings ('CET', 'PST', 'UTC+3') are refused:
-- only a region/city name says when daylight saving applies. Resolving the name (not scanning pg_timezone_names,
-- ~16 ms a call) keeps the check cheap on every save. PostgreSQL reads a name it does not find in the tz database
-- as a POSIX TZ string, so 'Europe/Lisbon+3' or 'Mars/Base3' would resolve (to UTC-3) while no browser can format
-- them: the pattern keeps digits out of names except the real Etc/GMT offsets, and a POSIX string needs a digit.
-- The same pattern is isIanaZone's in lib/calendar/zoned.ts.
create function public.is_time_zone(p_zone text)
returns boolean
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_zone is null or p_zone !~ '^(UTC|Etc/GMT([+-](1[0-2]|[1-9])|-1[34])|[A-Z][A-Za-z_-]*(/[A-Z][A-Za-z_-]*)+)$' then
    return false;
  end if;
  perform pg_catalog.now() at time zone p_zone;
  return true;
exception when invalid_parameter_value then
  return false;
end;
$$;

create table public.shows (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 120 and title = btrim(title)),
  venue_name text check (char_length(venue_name) <= 120),
  venue_address text check (char_length(venue_address) <= 300),
  -- Instants are timestamptz; the venue's zone says how to show them (the same wall clock for every member).
  time_zone text not null check (public.is_time_zone(time_zone)),
  starts_at timestamptz not null,
  load_in_at timestamptz,
  soundcheck_at timestamptz,
  doors_at timestamptz,
  set_start_at timestamptz,
  set_end_at timestamptz,
  status text not null default 'tentative' check (status in ('tentative', 'confirmed', 'cancelled')),
  -- Minor units (cents); at most 10 million in the currency.
  fee_cents bigint check (fee_cents between 0 and 1000000000),
  currency text not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  setlist_id uuid,
  contacts text check (char_length(contacts) <= 1000),
  notes text check (char_length(notes) <= 2000),
  version integer not null default 1,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint shows_id_band_id_key unique (id, band_id),
  -- A deleted setlist leaves the show without one (only setlist_id is cleared, band_id stays).
  constraint shows_setlist_fkey foreign key (setlist_id, band_id)
    references public.setlists (id, band_id) on delete set null (setlist_id),
  constraint shows_set_end_after_start check (set_end_at > coalesce(set_start_at, starts_at)),
  constraint shows_set_start_after_doors check (set_start_at >= doors_at),
  constraint shows_doors_after_soundcheck check (doors_at >= soundcheck_at),
  constraint shows_soundcheck_after_load_in check (soundcheck_at >= load_in_at),
  constraint shows_schedule_within_a_day check (
    greatest(starts_at, load_in_at, soundcheck_at, doors_at, set_start_at, set_end_at)
      - least(starts_at, load_in_at, soundcheck_at, doors_at, set_start_at, set_end_at) <= interval '24 hours'
  )
);
create index shows_band_id_starts_at_idx on public.shows (band_id, starts_at);
create index shows_setlist_id_idx on public.shows (setlist_id);

create table public.practice_sessions (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  time_zone text not null check (public.is_time_zone(time_zone)),
  location text check (char_length(location) <= 200),
  notes text check (char_length(notes) <= 2000),
  version integer not null default 1,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint practice_sessions_id_band_id_key unique (id, band_id),
  constraint practice_sessions_end_after_start check (ends_at > starts_at and ends_at - starts_at <= interval '24 hours')
);
create index practice_sessions_band_id_starts_at_idx on public.practice_sessions (band_id, starts_at);

-- The agenda: songs in fractional-key order (as setlist items), each with what to work on.
create table public.practice_items (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null,
  session_id uuid not null,
  song_id uuid not null,
  position text collate "C" not null
    check (char_length(position) between 2 and 64 and position ~ '^[A-Za-z][0-9A-Za-z]+$'),
  goal text check (char_length(goal) <= 200),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint practice_items_session_fkey foreign key (session_id, band_id)
    references public.practice_sessions (id, band_id) on delete cascade,
  constraint practice_items_song_fkey foreign key (song_id, band_id)
    references public.songs (id, band_id) on delete cascade,
  constraint practice_items_position_key unique (session_id, position)
);
create index practice_items_band_id_idx on public.practice_items (band_id);
create index practice_items_song_id_idx on public.practice_items (song_id);

-- One row per member per song; no row means the member has not said (shown as "not set").
create table public.learn_status (
  song_id uuid not null,
  user_id uuid not null default auth.uid(),
  band_id uuid not null,
  status text not null check (status in ('new', 'learning', 'ready')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (song_id, user_id),
  constraint learn_status_song_fkey foreign key (song_id, band_id) references public.songs (id, band_id) on delete cascade,
  constraint learn_status_member_fkey foreign key (band_id, user_id)
    references public.band_members (band_id, user_id) on delete cascade
);
create index learn_status_band_id_idx on public.learn_status (band_id);

-- A member's answer for one event: event_id is the show's or the practice's id, so (event_id, user_id) is one
-- key for both kinds, and exactly one of show_id / practice_id names the event with a real foreign key.
create table public.availability (
  event_id uuid not null,
  user_id uuid not null default auth.uid(),
  band_id uuid not null,
  show_id uuid,
  practice_id uuid,
  answer text not null check (answer in ('yes', 'maybe', 'no')),
  note text check (char_length(note) <= 200),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (event_id, user_id),
  constraint availability_one_event check (num_nonnulls(show_id, practice_id) = 1 and event_id = coalesce(show_id, practice_id)),
  constraint availability_show_fkey foreign key (show_id, band_id) references public.shows (id, band_id) on delete cascade,
  constraint availability_practice_fkey foreign key (practice_id, band_id)
    references public.practice_sessions (id, band_id) on delete cascade,
  constraint availability_member_fkey foreign key (band_id, user_id)
    references public.band_members (band_id, user_id) on delete cascade
);
create index availability_band_id_idx on public.availability (band_id);
create index availability_show_id_idx on public.availability (show_id);
create index availability_practice_id_idx on public.availability (practice_id);

-- Dates a member cannot play ("on tour with another band 3–9 May"), inclusive, as calendar dates.
create table public.unavailable_dates (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null,
  user_id uuid not null default auth.uid(),
  starts_on date not null,
  ends_on date not null,
  note text check (char_length(note) <= 200),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint unavailable_dates_order check (ends_on >= starts_on and ends_on - starts_on <= 366),
  constraint unavailable_dates_member_fkey foreign key (band_id, user_id)
    references public.band_members (band_id, user_id) on delete cascade
);
create index unavailable_dates_band_id_idx on public.unavailable_dates (band_id, starts_on);

create trigger shows_stamp_live_row before insert or update on public.shows
  for each row execute function public.stamp_live_row('show');
create trigger shows_stamp_created_by before insert or update on public.shows
  for each row execute function public.stamp_created_by();
create trigger practice_sessions_stamp_live_row before insert or update on public.practice_sessions
  for each row execute function public.stamp_live_row('practice session');
create trigger practice_sessions_stamp_created_by before insert or update on public.practice_sessions
  for each row execute function public.stamp_created_by();
create trigger practice_items_stamp_live_row before insert or update on public.practice_items
  for each row execute function public.stamp_live_row('agenda item');
create trigger learn_status_stamp_live_row before insert or update on public.learn_status
  for each row execute function public.stamp_live_row('learn status');
create trigger availability_stamp_live_row before insert or update on public.availability
  for each row execute function public.stamp_live_row('availability answer');
create trigger unavailable_dates_stamp_live_row before insert or update on public.unavailable_dates
  for each row execute function public.stamp_live_row('unavailable date range');

-- A row that names an event, session or member keeps naming it: a move would be a delete there and an insert here.
create function public.calendar_fixed_columns()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  column_name text;
begin
  foreach column_name in array tg_argv loop
    if to_jsonb(new) -> column_name is distinct from to_jsonb(old) -> column_name then
      raise exception '% cannot be changed; delete the row and add another', column_name using errcode = '22023';
    end if;
  end loop;
  return new;
end;
$$;

revoke execute on function public.calendar_fixed_columns() from public, anon, authenticated;

create trigger practice_items_fixed before update on public.practice_items
  for each row execute function public.calendar_fixed_columns('session_id');
create trigger learn_status_fixed before update on public.learn_status
  for each row execute function public.calendar_fixed_columns('song_id', 'user_id');
create trigger availability_fixed before update on public.availability
  for each row execute function public.calendar_fixed_columns('event_id', 'user_id', 'show_id', 'practice_id');
create trigger unavailable_dates_fixed before update on public.unavailable_dates
  for each row execute function public.calendar_fixed_columns('user_id');

alter table public.shows enable row level security;
alter table public.practice_sessions enable row level security;
alter table public.practice_items enable row level security;
alter table public.learn_status enable row level security;
alter table public.availability enable row level security;
alter table public.unavailable_dates enable row level security;

-- Shows, practices and the agenda: any member plans them.
create policy "shows: members read" on public.shows for select to authenticated using (public.is_band_member(band_id));
create policy "shows: members add" on public.shows for insert to authenticated with check (public.is_band_member(band_id));
create policy "shows: members edit" on public.shows for update to authenticated
  using (public.is_band_member(band_id)) with check (public.is_band_member(band_id));
create policy "shows: members delete" on public.shows for delete to authenticated using (public.is_band_member(band_id));

create policy "practice_sessions: members read" on public.practice_sessions for select to authenticated
  using (public.is_band_member(band_id));
create policy "practice_sessions: members add" on public.practice_sessions for insert to authenticated
  with check (public.is_band_member(band_id));
create policy "practice_sessions: members edit" on public.practice_sessions for update to authenticated
  using (public.is_band_member(band_id)) with check (public.is_band_member(band_id));
create policy "practice_sessions: members delete" on public.practice_sessions for delete to authenticated
  using (public.is_band_member(band_id));

create policy "practice_items: members read" on public.practice_items for select to authenticated
  using (public.is_band_member(band_id));
create policy "practice_items: members add" on public.practice_items for insert to authenticated
  with check (public.is_band_member(band_id));
create policy "practice_items: members edit" on public.practice_items for update to authenticated
  using (public.is_band_member(band_id)) with check (public.is_band_member(band_id));
create policy "practice_items: members delete" on public.practice_items for delete to authenticated
  using (public.is_band_member(band_id));

-- Answers, learn status and away dates: every member reads them; each member writes only their own.
create policy "learn_status: members read" on public.learn_status for select to authenticated
  using (public.is_band_member(band_id));
create policy "learn_status: own add" on public.learn_status for insert to authenticated
  with check (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "learn_status: own edit" on public.learn_status for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "learn_status: own delete" on public.learn_status for delete to authenticated
  using (user_id = (select auth.uid()));

create policy "availability: members read" on public.availability for select to authenticated
  using (public.is_band_member(band_id));
create policy "availability: own add" on public.availability for insert to authenticated
  with check (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "availability: own edit" on public.availability for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "availability: own delete" on public.availability for delete to authenticated
  using (user_id = (select auth.uid()));

create policy "unavailable_dates: members read" on public.unavailable_dates for select to authenticated
  using (public.is_band_member(band_id));
create policy "unavailable_dates: own add" on public.unavailable_dates for insert to authenticated
  with check (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "unavailable_dates: own edit" on public.unavailable_dates for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "unavailable_dates: own delete" on public.unavailable_dates for delete to authenticated
  using (user_id = (select auth.uid()));

alter table public.shows replica identity full;
alter table public.practice_sessions replica identity full;
alter table public.practice_items replica identity full;
alter table public.learn_status replica identity full;
alter table public.availability replica identity full;
alter table public.unavailable_dates replica identity full;
alter publication supabase_realtime add table
  public.shows, public.practice_sessions, public.practice_items, public.learn_status, public.availability,
  public.unavailable_dates;

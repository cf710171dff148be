-- Live rooms: a practice session's rehearsal room and a show's stage mode. One member leads; everyone else's
-- screen follows the room's current item. Client-sent Broadcast carries no verified sender, so the position lives
-- in this table and only these functions change it: each checks, under a row lock, that the caller is the room's
-- leader, so a member who sends "move" messages by hand moves nobody, and two leaders can never drive at once.
-- Followers hear each move as a postgres_changes UPDATE that Realtime checks against their RLS, on channel
-- `room:<band>` (admitted to members only by the band-channel policies), and read the row again on every rejoin.
--
-- Errors: PT404 (404) no such room or event for this user, 42501 (403) not the leader, PT409 (409) someone else
-- leads and is still there, 22023 (400) an item outside the agenda or setlist, a room that has ended.

create table public.live_rooms (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands (id) on delete cascade,
  kind text not null check (kind in ('practice', 'show')),
  practice_id uuid unique,
  show_id uuid unique,
  leader_id uuid references auth.users (id) on delete set null,
  -- A practice_items id (practice) or a setlist_items id (show); checked by room_move, cleared when it goes.
  item_id uuid,
  item_started_at timestamptz,
  -- Seconds spent on each item so far, {"<item id>": seconds}: the practice summary's minutes.
  seconds jsonb not null default '{}' check (jsonb_typeof(seconds) = 'object'),
  moves bigint not null default 0,
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint live_rooms_practice_fkey foreign key (practice_id, band_id)
    references public.practice_sessions (id, band_id) on delete cascade,
  constraint live_rooms_show_fkey foreign key (show_id, band_id) references public.shows (id, band_id) on delete cascade,
  constraint live_rooms_one_event check ((kind = 'practice') = (practice_id is not null) and (kind = 'show') = (show_id is not null))
);
create index live_rooms_band_id_idx on public.live_rooms (band_id);

-- The leader's heartbeat, apart from the room so a heartbeat every few seconds is not an UPDATE every follower
-- receives. Only the functions below read or write it.
create table public.live_room_leases (
  room_id uuid primary key references public.live_rooms (id) on delete cascade,
  leader_id uuid not null,
  seen_at timestamptz not null default now()
);

-- An agenda item as (id, session_id), so a note can point at an item of its own practice only.
alter table public.practice_items add constraint practice_items_id_session_id_key unique (id, session_id);

create table public.practice_notes (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null,
  practice_id uuid not null,
  -- The agenda item the note is about, on this practice's agenda; a note outlives its item being taken off it.
  item_id uuid,
  author_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 500 and body = btrim(body)),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint practice_notes_practice_fkey foreign key (practice_id, band_id)
    references public.practice_sessions (id, band_id) on delete cascade,
  constraint practice_notes_item_fkey foreign key (item_id, practice_id)
    references public.practice_items (id, session_id) on delete set null (item_id)
);
create index practice_notes_band_id_idx on public.practice_notes (band_id);
create index practice_notes_practice_id_idx on public.practice_notes (practice_id, created_at);

-- What the room stored when it ended: {"ended_at", "items": [{"item_id","song_id","title","seconds","notes":[…]}]}.
alter table public.practice_sessions add column summary jsonb check (summary is null or jsonb_typeof(summary) = 'object');

-- Only room_end() writes a summary: members edit their practices through the API, but not what the room recorded.
create function public.practice_sessions_summary_fixed()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') and new.summary is distinct from (case when tg_op = 'UPDATE' then old.summary end) then
    raise exception 'summary is written when the practice room ends' using errcode = '42501';
  end if;
  return new;
end;
$$;
revoke execute on function public.practice_sessions_summary_fixed() from public, anon, authenticated;
create trigger practice_sessions_summary_fixed before insert or update on public.practice_sessions
  for each row execute function public.practice_sessions_summary_fixed();

create trigger live_rooms_stamp_live_row before insert or update on public.live_rooms
  for each row execute function public.stamp_live_row('room');
create trigger practice_notes_stamp_live_row before insert or update on public.practice_notes
  for each row execute function public.stamp_live_row('note');

alter table public.live_rooms enable row level security;
alter table public.live_room_leases enable row level security;
alter table public.practice_notes enable row level security;

-- Rooms: members read; nobody writes except through the functions below (no insert/update/delete policy).
create policy "live_rooms: members read" on public.live_rooms for select to authenticated using (public.is_band_member(band_id));
revoke insert, update, delete, truncate on public.live_rooms from anon, authenticated;
revoke all on public.live_room_leases from anon, authenticated;

create policy "practice_notes: members read" on public.practice_notes for select to authenticated
  using (public.is_band_member(band_id));
create policy "practice_notes: members add their own" on public.practice_notes for insert to authenticated
  with check (author_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "practice_notes: authors delete their own" on public.practice_notes for delete to authenticated
  using (author_id = (select auth.uid()));
revoke update, truncate on public.practice_notes from anon, authenticated;

-- An agenda or setlist item that goes while a room shows it: the room shows nothing until the leader moves on.
create function public.live_rooms_forget_item()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.live_rooms set item_id = null, item_started_at = null where item_id = old.id;
  return old;
end;
$$;
revoke execute on function public.live_rooms_forget_item() from public, anon, authenticated;
create trigger practice_items_forget_in_rooms after delete on public.practice_items
  for each row execute function public.live_rooms_forget_item();
create trigger setlist_items_forget_in_rooms after delete on public.setlist_items
  for each row execute function public.live_rooms_forget_item();

alter table public.live_rooms replica identity full;
alter table public.practice_notes replica identity full;
alter publication supabase_realtime add table public.live_rooms, public.practice_notes;

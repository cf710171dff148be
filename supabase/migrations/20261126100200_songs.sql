-- songs: the band's repertoire, edited live by every member. The checks mirror lib/validation/song.ts, so a
-- request that skips the app's validation still cannot store what the app would refuse.

create table public.songs (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200 and title = btrim(title)),
  artist text check (char_length(artist) between 1 and 200),
  -- A root note, an optional sharp or flat, an optional "m" for minor: C, F#, Bb, Am, C#m, Ebm.
  key text check (key ~ '^[A-G][#b]?m?$'),
  tempo_bpm integer check (tempo_bpm between 20 and 400),
  duration_s integer check (duration_s between 1 and 7200),
  status text not null default 'learning' check (status in ('learning', 'ready')),
  notes text check (char_length(notes) <= 2000),
  -- Optimistic concurrency: writers send the version they read; songs_stamp_version bumps it on every update.
  version integer not null default 1,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index songs_band_id_title_idx on public.songs (band_id, title);

-- The server owns version and the timestamps: a client that sends its own version (or none) cannot skip
-- the optimistic-concurrency check or make an old edit look new.
create function public.songs_stamp_version()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.version := 1;
    new.created_at := now();
  else
    new.version := old.version + 1;
    new.created_at := old.created_at;
    new.band_id := old.band_id; -- a song never moves between bands; its realtime filter depends on band_id
  end if;
  new.updated_at := now();
  return new;
end;
$$;

revoke execute on function public.songs_stamp_version() from public, anon, authenticated;

create trigger songs_stamp_version
  before insert or update on public.songs
  for each row execute function public.songs_stamp_version();

alter table public.songs enable row level security;

create policy "songs: members read"
  on public.songs for select to authenticated
  using (public.is_band_member(band_id));
create policy "songs: members add"
  on public.songs for insert to authenticated
  with check (public.is_band_member(band_id));
create policy "songs: members edit"
  on public.songs for update to authenticated
  using (public.is_band_member(band_id))
  with check (public.is_band_member(band_id));
create policy "songs: members delete"
  on public.songs for delete to authenticated
  using (public.is_band_member(band_id));

-- Realtime: without the publication there are no events at all; without FULL, UPDATE/DELETE events lack the
-- old band_id that the band_id=eq.<id> filter and the per-subscriber RLS check need.
alter table public.songs replica identity full;
alter publication supabase_realtime add table public.songs;

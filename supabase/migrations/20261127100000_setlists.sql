-- setlists and their items, edited live by every member of the band. The checks mirror lib/validation/setlist.ts.
-- Items carry band_id so one Realtime filter (band_id=eq.<band>) and one RLS rule cover both tables, and composite
-- foreign keys make "an item of band A that points at a setlist or song of band B" impossible in SQL itself.

-- A song is referenced as (id, band_id); (id) alone is already unique, this only gives the pair a key to point at.
alter table public.songs add constraint songs_id_band_id_key unique (id, band_id);

create table public.setlists (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 120 and name = btrim(name)),
  -- The slot the band has to fill, e.g. 5400 for a 90-minute show; NULL when there is no target.
  target_duration_s integer check (target_duration_s between 60 and 36000),
  notes text check (char_length(notes) <= 2000),
  version integer not null default 1,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint setlists_id_band_id_key unique (id, band_id)
);
create index setlists_band_id_name_idx on public.setlists (band_id, name);

create table public.setlist_items (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null,
  setlist_id uuid not null,
  kind text not null check (kind in ('song', 'break', 'note')),
  song_id uuid,
  -- A fractional-indexing order key (npm fractional-indexing, base 62): compared byte-wise, hence COLLATE "C".
  -- Moving an item rewrites only its own key; a duplicate key within a setlist is refused (the app picks another).
  position text collate "C" not null
    check (char_length(position) between 2 and 64 and position ~ '^[A-Za-z][0-9A-Za-z]+$'),
  transpose smallint not null default 0 check (transpose between -11 and 11),
  notes text check (char_length(notes) <= 500),
  -- Replaces the song's own duration for this item; for a break, how long the break is.
  duration_override_s integer check (duration_override_s between 0 and 7200),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint setlist_items_setlist_fkey foreign key (setlist_id, band_id)
    references public.setlists (id, band_id) on delete cascade,
  -- NO ACTION on delete: a song still used by a setlist cannot vanish from it; remove_song() takes both out.
  constraint setlist_items_song_fkey foreign key (song_id, band_id) references public.songs (id, band_id),
  constraint setlist_items_song_kind check ((kind = 'song') = (song_id is not null)),
  constraint setlist_items_position_key unique (setlist_id, position)
);
create index setlist_items_band_id_idx on public.setlist_items (band_id);
create index setlist_items_song_id_idx on public.setlist_items (song_id);

-- The server owns version and the timestamps of every live row, and a row never changes band: Realtime filters
-- and other members' RLS depend on band_id. One function for every live table; the trigger's argument names
-- the row in the error ("A song cannot move to another band"). Songs move onto it below.
create function public.stamp_live_row()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.version := 1;
    new.created_at := now();
  else
    if new.band_id is distinct from old.band_id then
      raise exception 'A % cannot move to another band', coalesce(tg_argv[0], 'row')
        using errcode = '22023', hint = 'Create it in the other band instead.';
    end if;
    new.version := old.version + 1;
    new.created_at := old.created_at;
  end if;
  new.updated_at := now();
  return new;
end;
$$;

revoke execute on function public.stamp_live_row() from public, anon, authenticated;

drop trigger songs_stamp_version on public.songs;
drop function public.songs_stamp_version();
create trigger songs_stamp_live_row
  before insert or update on public.songs
  for each row execute function public.stamp_live_row('song');
create trigger setlists_stamp_live_row
  before insert or update on public.setlists
  for each row execute function public.stamp_live_row('setlist');
create trigger setlist_items_stamp_live_row
  before insert or update on public.setlist_items
  for each row execute function public.stamp_live_row('setlist item');
create trigger setlists_stamp_created_by
  before insert or update on public.setlists
  for each row execute function public.stamp_created_by();

-- An item stays in its setlist: a move to another setlist would be a delete there and an insert here.
create function public.setlist_items_fixed_setlist()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.setlist_id is distinct from old.setlist_id then
    raise exception 'An item cannot move to another setlist' using errcode = '22023';
  end if;
  return new;
end;
$$;

revoke execute on function public.setlist_items_fixed_setlist() from public, anon, authenticated;

create trigger setlist_items_fixed_setlist
  before update on public.setlist_items
  for each row execute function public.setlist_items_fixed_setlist();

-- Deleting a band cascades to its songs and to its setlists (and so their items) in an order PostgreSQL picks; when
-- the songs go first, the NO ACTION check of setlist_items_song_fkey still finds the items and the whole band delete
-- fails with 23503. Taking the band's setlists out first makes the order irrelevant. security definer like the
-- cascade itself: the bands delete policy has already decided who may delete the band.
create function public.bands_delete_setlists_first()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.setlists s where s.band_id = old.id;
  return old;
end;
$$;

revoke execute on function public.bands_delete_setlists_first() from public, anon, authenticated;

create trigger bands_delete_setlists_first
  before delete on public.bands
  for each row execute function public.bands_delete_setlists_first();

alter table public.setlists enable row level security;
alter table public.setlist_items enable row level security;

create policy "setlists: members read" on public.setlists for select to authenticated
  using (public.is_band_member(band_id));
create policy "setlists: members add" on public.setlists for insert to authenticated
  with check (public.is_band_member(band_id));
create policy "setlists: members edit" on public.setlists for update to authenticated
  using (public.is_band_member(band_id)) with check (public.is_band_member(band_id));
create policy "setlists: members delete" on public.setlists for delete to authenticated
  using (public.is_band_member(band_id));

create policy "setlist_items: members read" on public.setlist_items for select to authenticated
  using (public.is_band_member(band_id));
create policy "setlist_items: members add" on public.setlist_items for insert to authenticated
  with check (public.is_band_member(band_id));
create policy "setlist_items: members edit" on public.setlist_items for update to authenticated
  using (public.is_band_member(band_id)) with check (public.is_band_member(band_id));
create policy "setlist_items: members delete" on public.setlist_items for delete to authenticated
  using (public.is_band_member(band_id));

-- Deletes a song and every setlist item that plays it, in one transaction, under the caller's RLS (security
-- invoker): the app calls it only after the user was shown which setlists use the song and chose to go on.
create function public.remove_song(p_song_id uuid)
returns integer
language plpgsql
security invoker
set search_path = ''
as $$
declare
  removed_items integer;
begin
  delete from public.setlist_items i where i.song_id = p_song_id;
  get diagnostics removed_items = row_count;
  delete from public.songs s where s.id = p_song_id;
  if not found then
    raise exception 'Song not found' using errcode = 'P0002', hint = 'It may have been deleted by a bandmate.';
  end if;
  return removed_items;
end;
$$;

revoke execute on function public.remove_song(uuid) from public, anon;
grant execute on function public.remove_song(uuid) to authenticated;

alter table public.setlists replica identity full;
alter table public.setlist_items replica identity full;
alter publication supabase_realtime add table public.setlists, public.setlist_items;

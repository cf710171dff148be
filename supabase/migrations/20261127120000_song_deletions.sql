-- Who deleted a song, so a bandmate whose edit form is open is told by name ("Alex deleted this song while you
-- were editing"): a DELETE event carries the old row only, never its author. Written by a trigger (clients have
-- no write policy), readable by the band's members, kept for a week.

create table public.song_deletions (
  song_id uuid primary key,
  -- No foreign key: a band's deletion cascades to its songs, and this row must outlive the band row that
  -- disappears in the same statement; RLS hides rows of bands one is not (or no longer) in.
  band_id uuid not null,
  deleted_by uuid references public.profiles (id) on delete set null,
  deleted_at timestamptz not null default now()
);

comment on table public.song_deletions is 'Author of each recent song deletion (7 days), for bandmates editing that song.';

alter table public.song_deletions enable row level security;

create policy "song_deletions: members read" on public.song_deletions for select to authenticated
  using (public.is_band_member(band_id));

create function public.record_song_deletion()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.song_deletions (song_id, band_id, deleted_by)
  values (old.id, old.band_id, (select id from public.profiles where id = auth.uid()))
  on conflict (song_id) do update set band_id = excluded.band_id, deleted_by = excluded.deleted_by, deleted_at = excluded.deleted_at;
  delete from public.song_deletions where deleted_at < now() - interval '7 days';
  return old;
end;
$$;

revoke execute on function public.record_song_deletion() from public, anon, authenticated;

create trigger songs_record_deletion
  after delete on public.songs
  for each row execute function public.record_song_deletion();

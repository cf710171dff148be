-- Chord charts: a song's ChordPro text, and each member's own transposition of it (a capo, a transposing
-- instrument). The checks mirror lib/validation/song.ts and lib/actions/chart-offsets.ts.

alter table public.songs
  add column chart text check (char_length(chart) <= 20000);

create table public.chart_offsets (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  band_id uuid not null references public.bands (id) on delete cascade,
  song_id uuid not null references public.songs (id) on delete cascade,
  semitones integer not null check (semitones between -11 and 11),
  primary key (user_id, song_id),
  -- The song must be of the same band (as learn_status): an offset cannot point across bands.
  constraint chart_offsets_song_fkey foreign key (song_id, band_id) references public.songs (id, band_id) on delete cascade
);
create index chart_offsets_band_id_idx on public.chart_offsets (band_id, user_id);

alter table public.chart_offsets enable row level security;

-- Personal: a member sees and changes only their own offsets, and only in bands they belong to.
create policy "chart_offsets: own rows read"
  on public.chart_offsets for select to authenticated
  using (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "chart_offsets: own rows add"
  on public.chart_offsets for insert to authenticated
  with check (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "chart_offsets: own rows change"
  on public.chart_offsets for update to authenticated
  using (user_id = (select auth.uid()) and public.is_band_member(band_id))
  with check (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "chart_offsets: own rows remove"
  on public.chart_offsets for delete to authenticated
  using (user_id = (select auth.uid()) and public.is_band_member(band_id));

grant select, insert, update, delete on public.chart_offsets to authenticated;

-- Duplicating a setlist copies it and every item in one transaction, under the caller's RLS (security invoker):
-- a member can copy only a setlist they can read, into the same band.
create function public.duplicate_setlist(p_setlist_id uuid)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
  source public.setlists;
  copy_id uuid;
begin
  select * into source from public.setlists s where s.id = p_setlist_id;
  if not found then
    raise exception 'Setlist not found' using errcode = 'P0002', hint = 'It may have been deleted by a bandmate.';
  end if;
  -- 113 + ' (copy)' stays within the 120-character name limit.
  insert into public.setlists (band_id, name, target_duration_s, notes)
  values (source.band_id, btrim(left(source.name, 113)) || ' (copy)', source.target_duration_s, source.notes)
  returning id into copy_id;
  insert into public.setlist_items (band_id, setlist_id, kind, song_id, position, transpose, notes, duration_override_s)
  select i.band_id, copy_id, i.kind, i.song_id, i.position, i.transpose, i.notes, i.duration_override_s
  from public.setlist_items i
  where i.setlist_id = p_setlist_id;
  return copy_id;
end;
$$;

revoke execute on function public.duplicate_setlist(uuid) from public, anon;
grant execute on function public.duplicate_setlist(uuid) to authenticated;

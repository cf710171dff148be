-- The live rooms' functions (tables in 20261129100000_live_rooms.sql): the only way to open, move, lead and end a
-- room. Each takes the room's row lock and checks membership and leadership before it writes.
-- SECURITY DEFINER because followers may not write the room.

-- How long a leader who stops beating (tab closed, phone off, basement without signal) keeps the lead.
create function public.room_lease_seconds() returns integer language sql immutable set search_path = '' as $$ select 8 $$;

create function public.room_locked(p_room_id uuid)
returns public.live_rooms
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_room public.live_rooms;
begin
  select * into v_room from public.live_rooms where id = p_room_id for update;
  if not found or not public.is_band_member(v_room.band_id) then
    raise exception 'This room does not exist, or you are not in its band' using errcode = 'PT404';
  end if;
  return v_room;
end;
$$;

create function public.room_require_leader(p_room public.live_rooms)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_room.ended_at is not null then
    raise exception 'This room has ended' using errcode = '22023', hint = 'Start it again to go on.';
  end if;
  if p_room.leader_id is distinct from (select auth.uid()) then
    raise exception 'Only the leader moves the room' using errcode = '42501', hint = 'Take the lead when the leader hands it over or has left.';
  end if;
end;
$$;

-- The item's place in the room's running order, or NULL when it is not an item of this room.
create function public.room_item_position(p_room public.live_rooms, p_item_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select i.position from public.practice_items i
   where p_room.kind = 'practice' and i.id = p_item_id and i.session_id = p_room.practice_id
  union all
  select i.position from public.setlist_items i join public.shows s on s.setlist_id = i.setlist_id
   where p_room.kind = 'show' and i.id = p_item_id and s.id = p_room.show_id and i.kind = 'song'
$$;

create function public.room_first_item(p_kind text, p_event_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select id from (
    select i.id, i.position from public.practice_items i where p_kind = 'practice' and i.session_id = p_event_id
    union all
    select i.id, i.position from public.setlist_items i join public.shows s on s.setlist_id = i.setlist_id
     where p_kind = 'show' and s.id = p_event_id and i.kind = 'song'
  ) items
  order by position collate "C"
  limit 1
$$;

-- Adds the time since the current item started to that item's seconds.
create function public.room_seconds_so_far(p_room public.live_rooms)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case
    when p_room.item_id is null or p_room.item_started_at is null then p_room.seconds
    else jsonb_set(
      p_room.seconds,
      array[p_room.item_id::text],
      to_jsonb(coalesce((p_room.seconds ->> p_room.item_id::text)::integer, 0)
        + greatest(0, extract(epoch from now() - p_room.item_started_at))::integer)
    )
  end
$$;

create function public.room_beat(p_room_id uuid, p_leader_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.live_room_leases (room_id, leader_id, seen_at) values (p_room_id, p_leader_id, now())
  on conflict (room_id) do update set leader_id = excluded.leader_id, seen_at = excluded.seen_at
$$;

-- Opens the room of a practice (`p_kind` 'practice') or a show ('show'), or joins it when it is open. The member
-- who opens it leads, on its first item; an ended room opens again where it stopped, its times kept.
create function public.room_open(p_kind text, p_event_id uuid)
returns public.live_rooms
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_band uuid;
  v_room public.live_rooms;
  v_uid uuid := (select auth.uid());
begin
  if p_kind = 'practice' then
    select band_id into v_band from public.practice_sessions where id = p_event_id;
  elsif p_kind = 'show' then
    select band_id into v_band from public.shows where id = p_event_id;
  else
    raise exception 'A room belongs to a practice or a show, not "%"', p_kind using errcode = '22023';
  end if;
  if v_band is null or v_uid is null or not public.is_band_member(v_band) then
    raise exception 'This % does not exist, or you are not in its band', p_kind using errcode = 'PT404';
  end if;

  select * into v_room from public.live_rooms
   where (p_kind = 'practice' and practice_id = p_event_id) or (p_kind = 'show' and show_id = p_event_id)
   for update;
  if found and v_room.ended_at is null then
    return v_room;
  elsif found then
    update public.live_rooms
       set ended_at = null, leader_id = v_uid, item_id = coalesce(item_id, public.room_first_item(p_kind, p_event_id)),
           -- SET sees the old row: a room that ended on no item restarts on its first one, whose time runs too.
           item_started_at = case when coalesce(item_id, public.room_first_item(p_kind, p_event_id)) is null then null else now() end
     where id = v_room.id
     returning * into v_room;
  else
    if p_kind = 'show' and not exists (select 1 from public.shows where id = p_event_id and setlist_id is not null) then
      raise exception 'This show has no setlist yet' using errcode = '22023', hint = 'Pick a setlist for the show first.';
    end if;
    begin
      insert into public.live_rooms (band_id, kind, practice_id, show_id, leader_id, item_id, item_started_at)
      values (
        v_band, p_kind,
        case when p_kind = 'practice' then p_event_id end,
        case when p_kind = 'show' then p_event_id end,
        v_uid, public.room_first_item(p_kind, p_event_id), now()
      )
      returning * into v_room;
    exception when unique_violation then
      -- A bandmate opened it in the same instant: join theirs.
      select * into v_room from public.live_rooms
       where (p_kind = 'practice' and practice_id = p_event_id) or (p_kind = 'show' and show_id = p_event_id);
      return v_room;
    end;
  end if;
  perform public.room_beat(v_room.id, v_uid);
  return v_room;
end;
$$;

-- The leader moves the room to `p_item_id` (an item of this room's agenda or setlist).
create function public.room_move(p_room_id uuid, p_item_id uuid)
returns public.live_rooms
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_room public.live_rooms := public.room_locked(p_room_id);
begin
  perform public.room_require_leader(v_room);
  if p_item_id is null or public.room_item_position(v_room, p_item_id) is null then
    raise exception 'That item is not on this room''s %', case when v_room.kind = 'show' then 'setlist' else 'agenda' end
      using errcode = '22023';
  end if;
  perform public.room_beat(v_room.id, v_room.leader_id);
  if v_room.item_id = p_item_id then
    return v_room;
  end if;
  update public.live_rooms
     set seconds = public.room_seconds_so_far(v_room), item_id = p_item_id, item_started_at = now(), moves = moves + 1
   where id = v_room.id
   returning * into v_room;
  return v_room;
end;
$$;

-- The leader's heartbeat: while it comes, nobody else can take the lead.
create function public.room_heartbeat(p_room_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_room public.live_rooms := public.room_locked(p_room_id);
begin
  perform public.room_require_leader(v_room);
  perform public.room_beat(v_room.id, v_room.leader_id);
end;
$$;

-- A member takes the lead: when nobody leads, or the leader's heartbeat stopped (they left or lost the
-- connection), or from themselves. Under the row lock, so two members taking it at once get one leader.
create function public.room_take_lead(p_room_id uuid)
returns public.live_rooms
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_room public.live_rooms := public.room_locked(p_room_id);
  v_uid uuid := (select auth.uid());
  v_seen timestamptz;
  v_name text;
begin
  if v_room.ended_at is not null then
    raise exception 'This room has ended' using errcode = '22023', hint = 'Start it again to go on.';
  end if;
  select seen_at into v_seen from public.live_room_leases where room_id = v_room.id and leader_id = v_room.leader_id;
  if v_room.leader_id is not null and v_room.leader_id <> v_uid
     and v_seen > now() - make_interval(secs => public.room_lease_seconds()) then
    select display_name into v_name from public.profiles where id = v_room.leader_id;
    raise exception '% leads and is still here', coalesce(v_name, 'A bandmate') using errcode = 'PT409',
      hint = 'Ask them to hand you the lead, or wait until they leave.';
  end if;
  update public.live_rooms set leader_id = v_uid where id = v_room.id returning * into v_room;
  perform public.room_beat(v_room.id, v_uid);
  return v_room;
end;
$$;

-- The leader hands the lead to another member of the band.
create function public.room_hand_lead(p_room_id uuid, p_to uuid)
returns public.live_rooms
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_room public.live_rooms := public.room_locked(p_room_id);
begin
  perform public.room_require_leader(v_room);
  if not exists (select 1 from public.band_members where band_id = v_room.band_id and user_id = p_to) then
    raise exception 'Only a member of the band can lead' using errcode = '22023';
  end if;
  update public.live_rooms set leader_id = p_to where id = v_room.id returning * into v_room;
  perform public.room_beat(v_room.id, p_to);
  return v_room;
end;
$$;

-- The leader ends the room. A practice stores its summary: the items covered in agenda order, the minutes on
-- each, and the notes, so the practice page shows it afterwards.
create function public.room_end(p_room_id uuid)
returns public.live_rooms
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_room public.live_rooms := public.room_locked(p_room_id);
  v_seconds jsonb;
begin
  perform public.room_require_leader(v_room);
  v_seconds := public.room_seconds_so_far(v_room);
  update public.live_rooms
     set seconds = v_seconds, item_started_at = null, ended_at = now(), leader_id = null
   where id = v_room.id
   returning * into v_room;
  delete from public.live_room_leases where room_id = v_room.id;
  if v_room.kind = 'practice' then
    update public.practice_sessions p
       set summary = jsonb_build_object(
         'ended_at', v_room.ended_at,
         'items', coalesce((
           select jsonb_agg(jsonb_build_object(
             'item_id', i.id, 'song_id', i.song_id, 'title', s.title,
             'seconds', coalesce((v_seconds ->> i.id::text)::integer, 0),
             'notes', coalesce((
               select jsonb_agg(n.body order by n.created_at) from public.practice_notes n
                where n.practice_id = p.id and n.item_id = i.id), '[]'::jsonb)
           ) order by i.position collate "C")
           from public.practice_items i join public.songs s on s.id = i.song_id
          where i.session_id = p.id
            and (v_seconds ? i.id::text or exists (select 1 from public.practice_notes n where n.item_id = i.id))
         ), '[]'::jsonb))
     where p.id = v_room.practice_id;
  end if;
  return v_room;
end;
$$;

revoke execute on function public.room_lease_seconds(), public.room_locked(uuid), public.room_require_leader(public.live_rooms),
  public.room_item_position(public.live_rooms, uuid), public.room_first_item(text, uuid), public.room_seconds_so_far(public.live_rooms),
  public.room_beat(uuid, uuid) from public, anon, authenticated;
revoke execute on function public.room_open(text, uuid), public.room_move(uuid, uuid), public.room_heartbeat(uuid),
  public.room_take_lead(uuid), public.room_hand_lead(uuid, uuid), public.room_end(uuid) from public, anon;
grant execute on function public.room_open(text, uuid), public.room_move(uuid, uuid), public.room_heartbeat(uuid),
  public.room_take_lead(uuid), public.room_hand_lead(uuid, uuid), public.room_end(uuid) to authenticated;

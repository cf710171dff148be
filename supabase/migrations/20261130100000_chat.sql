-- Band chat (issue 15): one stream of messages per band, each optionally about one song, setlist or show of that
-- band (the item's discussion thread), plus each member's read markers for unread counts.
--
-- Delivery: both tables are live tables (REPLICA IDENTITY FULL, published), delivered as postgres_changes through
-- the app's live-table kernel (lib/live) on the private channel `chat:<band>`, which the band-channel policies of
-- *_membership_hardening.sql admit for members only. Realtime checks every event against each subscriber's RLS
-- before sending it, and Realtime does not guarantee delivery, so the view refetches after every rejoin.
-- Nothing is ever hard-deleted through the API: a deleted message is an UPDATE (body '', deleted_at set) that
-- reaches every device like an edit and is shown as "deleted" to everyone.
--
-- Mentions are not stored: "@Sam" is highlighted by the client against the band's current line-up. The issue
-- asks only for highlighting; a stored uuid[] would need a membership check on every write, would go stale when a
-- member leaves, and would let a forged array notify people the text never names.
--
-- Errors: 23514 (400) empty, whitespace-only or over 5,000 characters; 42501 (403) not a member, another author,
-- any DELETE; 22023 (400) a fixed column changed, a deleted message edited; PT429 (429) sending or editing too fast.

create table public.messages (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands (id) on delete cascade,
  -- Messages outlive the author's membership (the band's history stays readable); they go with the account.
  author_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null,
  song_id uuid,
  setlist_id uuid,
  show_id uuid,
  -- Server-owned (messages_edit): set when the body changes, when the message is deleted.
  edited_at timestamptz,
  deleted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Not only whitespace: btrim() strips spaces only, so a body of newlines and tabs would pass it.
  constraint messages_body_check check (
    (deleted_at is null and char_length(body) between 1 and 5000 and body ~ '[^[:space:]]')
    or (deleted_at is not null and body = '')
  ),
  constraint messages_one_subject check (num_nonnulls(song_id, setlist_id, show_id) <= 1),
  -- (item, band_id): a message can only be about an item of its own band. A deleted item leaves the message in
  -- the band chat without its link (only the item column is cleared, band_id stays).
  constraint messages_song_fkey foreign key (song_id, band_id) references public.songs (id, band_id) on delete set null (song_id),
  constraint messages_setlist_fkey foreign key (setlist_id, band_id)
    references public.setlists (id, band_id) on delete set null (setlist_id),
  constraint messages_show_fkey foreign key (show_id, band_id) references public.shows (id, band_id) on delete set null (show_id)
);
-- History pages, newest first, by keyset (created_at, id) < (last seen): the band chat and each item's thread.
create index messages_band_page_idx on public.messages (band_id, created_at desc, id desc);
create index messages_song_page_idx on public.messages (song_id, created_at desc, id desc) where song_id is not null;
create index messages_setlist_page_idx on public.messages (setlist_id, created_at desc, id desc) where setlist_id is not null;
create index messages_show_page_idx on public.messages (show_id, created_at desc, id desc) where show_id is not null;
-- The rate limit's count: one author's recent messages in one band.
create index messages_rate_idx on public.messages (band_id, author_id, created_at);

-- A member's "read up to" per thread: 'band' (the band chat) or '<kind>:<item id>' (an item's thread).
create table public.chat_reads (
  user_id uuid not null default auth.uid(),
  band_id uuid not null,
  thread text not null check (
    thread ~ '^(band|(song|setlist|show):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$'
  ),
  read_at timestamptz not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, band_id, thread),
  -- Leaving the band takes the member's markers with them.
  constraint chat_reads_member_fkey foreign key (band_id, user_id)
    references public.band_members (band_id, user_id) on delete cascade
);

create trigger messages_stamp_live_row before insert or update on public.messages
  for each row execute function public.stamp_live_row('message');
create trigger chat_reads_stamp_live_row before insert or update on public.chat_reads
  for each row execute function public.stamp_live_row('read marker');
-- band_id is stamp_live_row's; the subject is messages_edit's (it may only be cleared by its item's deletion).
create trigger messages_fixed before update on public.messages
  for each row execute function public.calendar_fixed_columns('author_id', 'created_at');
create trigger chat_reads_fixed before update on public.chat_reads
  for each row execute function public.calendar_fixed_columns('user_id', 'thread');

-- Edits and deletions. Body and deleted_at are the only columns an author changes; the stamps are the server's.
-- Security invoker, so current_user tells API writers apart (a definer would always be the owner). The
-- "on delete set null" action runs as the table owner (PostgreSQL's ri_triggers.c), which sees every item.
create function public.messages_edit()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  kind text;
begin
  if tg_op = 'INSERT' then
    new.edited_at := null;
    new.deleted_at := null;
    return new;
  end if;
  -- "on delete set null (song_id)" arrives here as an UPDATE: allowed only once the item is really gone.
  foreach kind in array array['song', 'setlist', 'show'] loop
    if to_jsonb(new) ->> (kind || '_id') is distinct from to_jsonb(old) ->> (kind || '_id') and (
      to_jsonb(new) ->> (kind || '_id') is not null
      or (kind = 'song' and exists (select 1 from public.songs s where s.id = old.song_id))
      or (kind = 'setlist' and exists (select 1 from public.setlists s where s.id = old.setlist_id))
      or (kind = 'show' and exists (select 1 from public.shows s where s.id = old.show_id))
    ) then
      raise exception '%_id cannot be changed; send a new message instead', kind using errcode = '22023';
    end if;
  end loop;
  if old.deleted_at is not null then
    if new.body is distinct from old.body or new.deleted_at is distinct from old.deleted_at then
      raise exception 'This message was deleted' using errcode = '22023';
    end if;
    new.edited_at := old.edited_at;
    return new;
  end if;
  if new.deleted_at is not null then
    -- Deleting: nothing of the text survives, on this row or in the UPDATE event every device receives.
    new.deleted_at := now();
    new.body := '';
    new.edited_at := now();
  elsif new.body is distinct from old.body then
    -- One edit a second per message: an edit is an event on every member's device, and unlike sending it is
    -- otherwise unbounded. Deleting is never slowed.
    if current_user in ('anon', 'authenticated') and old.edited_at > now() - interval '1 second' then
      raise exception 'You are editing this message too fast'
        using errcode = 'PT429', hint = 'Wait a second and save again.';
    end if;
    new.edited_at := now();
  else
    new.edited_at := old.edited_at;
  end if;
  return new;
end;
$$;

revoke execute on function public.messages_edit() from public, anon, authenticated;
create trigger messages_edit before insert or update on public.messages
  for each row execute function public.messages_edit();

-- 20 messages per member per band in any 10 seconds; the 21st is refused with 429. Only API writers are counted
-- (the seed and service tooling are not). The per-author advisory lock serialises one member's concurrent sends,
-- so 21 requests in flight at once cannot all count 19 before any commits: each count runs after the previous
-- sender committed (a volatile function's query takes a fresh snapshot under READ COMMITTED). Other members and
-- other bands take other locks and are never slowed. Security invoker, for current_user (the author reads the
-- band's messages under RLS anyway).
create function public.messages_rate_limit()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('chat:' || new.band_id || ':' || new.author_id, 0));
  if (select count(*) from public.messages m
       where m.band_id = new.band_id and m.author_id = new.author_id and m.created_at > now() - interval '10 seconds') >= 20 then
    raise exception 'You are sending messages too fast' using errcode = 'PT429', hint = 'Wait a few seconds and send again.';
  end if;
  return new;
end;
$$;

revoke execute on function public.messages_rate_limit() from public, anon, authenticated;
create trigger messages_rate_limit before insert on public.messages
  for each row execute function public.messages_rate_limit();

-- A marker never moves back (two devices, or an old tab, reporting out of order) and never into the future
-- (which would hide messages not yet sent).
create function public.chat_reads_forward()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.read_at := least(new.read_at, now());
  if tg_op = 'UPDATE' then
    new.read_at := greatest(old.read_at, new.read_at);
  end if;
  return new;
end;
$$;

revoke execute on function public.chat_reads_forward() from public, anon, authenticated;
create trigger chat_reads_forward before insert or update on public.chat_reads
  for each row execute function public.chat_reads_forward();

alter table public.messages enable row level security;
alter table public.chat_reads enable row level security;

create policy "messages: members read" on public.messages for select to authenticated using (public.is_band_member(band_id));
create policy "messages: members send as themselves" on public.messages for insert to authenticated
  with check (author_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "messages: authors edit and delete their own" on public.messages for update to authenticated
  using (author_id = (select auth.uid()) and public.is_band_member(band_id))
  with check (author_id = (select auth.uid()) and public.is_band_member(band_id));
-- No delete policy and no privilege: a DELETE fails loudly (42501) and deletion is the UPDATE above.
revoke delete, truncate on public.messages from anon, authenticated;

create policy "chat_reads: members read their own" on public.chat_reads for select to authenticated
  using (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "chat_reads: members mark their own" on public.chat_reads for insert to authenticated
  with check (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "chat_reads: members move their own" on public.chat_reads for update to authenticated
  using (user_id = (select auth.uid()) and public.is_band_member(band_id))
  with check (user_id = (select auth.uid()) and public.is_band_member(band_id));
create policy "chat_reads: members forget their own" on public.chat_reads for delete to authenticated
  using (user_id = (select auth.uid()));
revoke truncate on public.chat_reads from anon, authenticated;

-- Unread counts for the caller: the band chat ('band': every message after the 'band' marker) and each item
-- thread with unread messages ('song:<id>' …: that item's messages after its marker). Others' messages only,
-- deleted ones not; each count stops at 100 (the UI shows 99+). The 'band' row is always there; item threads
-- only when they have something unread. Each count is a LIMIT 100 walk of one page index. Security invoker:
-- RLS decides, so an outsider gets 0.
create function public.chat_unread(p_band uuid)
returns table (thread text, unread integer)
language sql
stable
set search_path = ''
as $$
  with marks as (
    select r.thread, r.read_at from public.chat_reads r where r.user_id = (select auth.uid()) and r.band_id = p_band
  ),
  counts as (
    select 'band' as thread, (
      select count(*)::integer from (
        select 1 from public.messages m
         where m.band_id = p_band and m.created_at > coalesce((select read_at from marks where marks.thread = 'band'), '-infinity')
           and m.author_id <> (select auth.uid()) and m.deleted_at is null
         limit 100) c) as unread
    union all
    select 'song:' || s.id, (
      select count(*)::integer from (
        select 1 from public.messages m
         where m.song_id = s.id and m.created_at > coalesce((select read_at from marks where marks.thread = 'song:' || s.id), '-infinity')
           and m.author_id <> (select auth.uid()) and m.deleted_at is null
         limit 100) c)
    from public.songs s where s.band_id = p_band
    union all
    select 'setlist:' || s.id, (
      select count(*)::integer from (
        select 1 from public.messages m
         where m.setlist_id = s.id and m.created_at > coalesce((select read_at from marks where marks.thread = 'setlist:' || s.id), '-infinity')
           and m.author_id <> (select auth.uid()) and m.deleted_at is null
         limit 100) c)
    from public.setlists s where s.band_id = p_band
    union all
    select 'show:' || s.id, (
      select count(*)::integer from (
        select 1 from public.messages m
         where m.show_id = s.id and m.created_at > coalesce((select read_at from marks where marks.thread = 'show:' || s.id), '-infinity')
           and m.author_id <> (select auth.uid()) and m.deleted_at is null
         limit 100) c)
    from public.shows s where s.band_id = p_band
  )
  select c.thread, c.unread from counts c where c.thread = 'band' or c.unread > 0
$$;

revoke execute on function public.chat_unread(uuid) from public, anon;
grant execute on function public.chat_unread(uuid) to authenticated;

-- Marks a thread read up to p_read_at (now by default). The marker only ever moves forward (chat_reads_forward).
create function public.chat_mark_read(p_band uuid, p_thread text, p_read_at timestamptz default now())
returns public.chat_reads
language sql
set search_path = ''
as $$
  insert into public.chat_reads (user_id, band_id, thread, read_at)
  values ((select auth.uid()), p_band, p_thread, p_read_at)
  on conflict (user_id, band_id, thread) do update set read_at = excluded.read_at
  returning *;
$$;

revoke execute on function public.chat_mark_read(uuid, text, timestamptz) from public, anon;
grant execute on function public.chat_mark_read(uuid, text, timestamptz) to authenticated;

alter table public.messages replica identity full;
alter table public.chat_reads replica identity full;
alter publication supabase_realtime add table public.messages, public.chat_reads;

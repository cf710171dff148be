-- Runs after the migrations on `localbase db reset` (and `supabase db reset`).
-- A demo band with two members and a few songs. Sign in as alex@rock-on.test or sam@rock-on.test, password
-- rockon-demo (README.md, "Demo accounts"). Local only: never run this against a shared project.

-- Users as GoTrue stores them, so password sign-in works on localbase and on a real Supabase alike:
-- a bcrypt hash (pgcrypto's 'bf' = bcrypt), a confirmed email, and the email identity GoTrue looks up.
-- The token columns are '' not NULL because GoTrue scans them into Go strings.
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
select
  '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
  extensions.crypt('rockon-demo', extensions.gen_salt('bf', 10)), now(),
  '{"provider":"email","providers":["email"]}', jsonb_build_object('display_name', u.display_name), now(), now(),
  '', '', '', ''
from (values
  ('11111111-1111-4111-8111-111111111111'::uuid, 'alex@rock-on.test', 'Alex'),
  ('22222222-2222-4222-8222-222222222222'::uuid, 'sam@rock-on.test', 'Sam')
) as u (id, email, display_name);

insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select gen_random_uuid(), u.id::text, u.id,
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
       'email', now(), now(), now()
from auth.users u
where u.id in ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222');

-- The profiles come from the on_auth_user_created trigger.

insert into public.bands (id, name, created_by)
values ('b0000000-0000-4000-8000-000000000001', 'The Demo Tapes', '11111111-1111-4111-8111-111111111111');

insert into public.band_members (band_id, user_id, role) values
  ('b0000000-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', 'owner'),
  ('b0000000-0000-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222', 'member');

insert into public.band_invites (band_id, code, expires_at, created_by)
values ('b0000000-0000-4000-8000-000000000001', 'DEC0DE2026', now() + interval '1 year', '11111111-1111-4111-8111-111111111111');

insert into public.songs (band_id, title, artist, key, tempo_bpm, duration_s, status, notes, created_by) values
  ('b0000000-0000-4000-8000-000000000001', 'Superstition', 'Stevie Wonder', 'Ebm', 100, 245, 'ready', 'Clav riff tight with the hi-hat.', '11111111-1111-4111-8111-111111111111'),
  ('b0000000-0000-4000-8000-000000000001', 'Seven Nation Army', 'The White Stripes', 'Em', 124, 232, 'ready', null, '11111111-1111-4111-8111-111111111111'),
  ('b0000000-0000-4000-8000-000000000001', 'Valerie', 'The Zutons', 'Eb', 106, 234, 'learning', 'Horn stabs on the chorus; count in from the drums.', '22222222-2222-4222-8222-222222222222'),
  ('b0000000-0000-4000-8000-000000000001', 'Come Together', 'The Beatles', 'Dm', 82, 259, 'learning', null, '22222222-2222-4222-8222-222222222222'),
  ('b0000000-0000-4000-8000-000000000001', 'Valerie (slow)', 'Amy Winehouse', 'Eb', 72, 236, 'learning', 'Ballad version for the encore.', '11111111-1111-4111-8111-111111111111');

-- A setlist in two sets with a break, so the setlist editor has something to show.
insert into public.setlists (id, band_id, name, target_duration_s, notes, created_by) values
  ('5e700000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'Friday at the Tap Room', 1800,
   'Two short sets; encore only if they ask.', '11111111-1111-4111-8111-111111111111');

insert into public.setlist_items (band_id, setlist_id, kind, song_id, position, transpose, notes, duration_override_s)
select 'b0000000-0000-4000-8000-000000000001', '5e700000-0000-4000-8000-000000000001', i.kind,
       (select s.id from public.songs s where s.band_id = 'b0000000-0000-4000-8000-000000000001' and s.title = i.title),
       i.position, i.transpose, i.notes, i.duration_override_s
from (values
  ('song', 'Seven Nation Army', 'a0', 0, null, null),
  ('song', 'Valerie', 'a1', 0, null, null),
  ('song', 'Come Together', 'a2', 0, null, null),
  ('break', null, 'a3', 0, 'Set 2', 600),
  ('song', 'Superstition', 'a4', 0, 'Count in from the clav', null),
  ('song', 'Valerie (slow)', 'a5', -2, null, null)
) as i (kind, title, position, transpose, notes, duration_override_s);

-- The calendar: a show in Lisbon three weeks out (venue wall clock, so the date stays sensible), a practice next
-- week with an agenda, a couple of answers, learn status and Sam's away dates, so every calendar page has content.
insert into public.shows (id, band_id, title, venue_name, venue_address, time_zone, starts_at, load_in_at, soundcheck_at,
                          doors_at, set_start_at, set_end_at, status, fee_cents, currency, setlist_id, contacts, created_by)
select '5e000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'Friday at the Tap Room', 'The Tap Room',
       'Rua da Rosa 12, Lisboa', 'Europe/Lisbon', (d + time '21:00') at time zone 'Europe/Lisbon',
       (d + time '18:00') at time zone 'Europe/Lisbon', (d + time '19:00') at time zone 'Europe/Lisbon',
       (d + time '20:30') at time zone 'Europe/Lisbon', (d + time '21:30') at time zone 'Europe/Lisbon',
       (d + time '22:15') at time zone 'Europe/Lisbon', 'confirmed', 35000, 'EUR', '5e700000-0000-4000-8000-000000000001',
       'Promoter: Rita, +351 900 000 000', '11111111-1111-4111-8111-111111111111'
from (select (current_date + 21)::timestamp as d) as day;

insert into public.practice_sessions (id, band_id, starts_at, ends_at, time_zone, location, notes, created_by)
select '9a000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
       (d + time '19:00') at time zone 'Europe/Lisbon', (d + time '22:00') at time zone 'Europe/Lisbon', 'Europe/Lisbon',
       'Rehearsal room 3', 'Bring the spare snare.', '22222222-2222-4222-8222-222222222222'
from (select (current_date + 7)::timestamp as d) as day;

insert into public.practice_items (band_id, session_id, song_id, position, goal)
select 'b0000000-0000-4000-8000-000000000001', '9a000000-0000-4000-8000-000000000001', s.id, i.position, i.goal
from (values ('Valerie', 'a0', 'Horn stabs tight; run twice'), ('Come Together', 'a1', 'Fix the bridge')) as i (title, position, goal)
join public.songs s on s.band_id = 'b0000000-0000-4000-8000-000000000001' and s.title = i.title;

insert into public.learn_status (band_id, song_id, user_id, status)
select 'b0000000-0000-4000-8000-000000000001', s.id, u.user_id, case when s.status = 'ready' then 'ready' else u.status end
from public.songs s
cross join (values ('11111111-1111-4111-8111-111111111111'::uuid, 'ready'), ('22222222-2222-4222-8222-222222222222'::uuid, 'learning')) as u (user_id, status)
where s.band_id = 'b0000000-0000-4000-8000-000000000001';

insert into public.availability (band_id, user_id, event_id, show_id, answer) values
  ('b0000000-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', '5e000000-0000-4000-8000-000000000001', '5e000000-0000-4000-8000-000000000001', 'yes');
insert into public.availability (band_id, user_id, event_id, practice_id, answer, note) values
  ('b0000000-0000-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222', '9a000000-0000-4000-8000-000000000001', '9a000000-0000-4000-8000-000000000001', 'maybe', 'Might be late');

insert into public.unavailable_dates (band_id, user_id, starts_on, ends_on, note) values
  ('b0000000-0000-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222', current_date + 40, current_date + 46, 'On tour with another band');

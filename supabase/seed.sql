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

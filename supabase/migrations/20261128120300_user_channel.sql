-- A private Realtime channel per user, `user:<auth.uid()>`: every signed-in tab of that user listens on it, and
-- "sign out of all devices" announces itself there so the user's other tabs and devices leave at once. Only that
-- user may join (read) or send (write); nobody else can even learn that the channel exists.
--
-- The band channels' policies (20261126100300_membership_hardening.sql) admit `<word>:<band uuid>` topics to the
-- band's members; a user id is never a band id, so they admit nobody to `user:<uid>`. These policies add the user's
-- own topic, broadcast only (presence on it would tell nothing the user does not know).

create policy "user channel: its user receives broadcasts"
  on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) = 'user:' || (select auth.uid())::text
  );

create policy "user channel: its user sends broadcasts"
  on realtime.messages for insert to authenticated
  with check (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) = 'user:' || (select auth.uid())::text
  );

-- profiles: one row per auth.users row, created by a trigger so no app code path can forget it.

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 80),
  created_at timestamptz not null default now()
);

comment on table public.profiles is 'Public face of a user (1:1 auth.users); visible to the user and to their bandmates.';

alter table public.profiles enable row level security;

-- security definer: the signing-up user has no rights on public.profiles yet (GoTrue inserts as its own role).
-- search_path '' so a schema planted by anyone cannot shadow the objects this function names.
create function public.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name)
  values (
    new.id,
    left(
      coalesce(
        nullif(btrim(new.raw_user_meta_data ->> 'display_name'), ''),
        -- The local part of the address: a full email would put an address book in every bandmate's view.
        nullif(split_part(coalesce(new.email, ''), '@', 1), ''),
        'Member'
      ),
      80
    )
  );
  return new;
end;
$$;

revoke execute on function public.handle_new_user() from public, anon, authenticated;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function public.handle_new_user();

create policy "profiles: a user updates their own"
  on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

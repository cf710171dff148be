/** Rows as users-repo selects them; timestamps from pg are Dates, those inside json_agg are strings. */
export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  email: string | null;
}

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmation_sent_at: Date | null;
  confirmed_at: Date | null;
  recovery_sent_at: Date | null;
  /** Stored hashes of mailed codes (never rendered): the `{email, token}` verify path compares against them. */
  confirmation_token: string | null;
  recovery_token: string | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  phone_change: string | null;
  phone_change_sent_at: Date | null;
  invited_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
  identities: IdentityRow[] | null;
}

type Json = Record<string, unknown>;

function time(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** Drops undefined keys: GoTrue's timestamps and optional strings are `omitempty`. */
function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/**
 * `[gotrue] internal/models/identity.go` JSON. Note the swapped naming upstream chose: JSON `identity_id` is the
 * row's `id`, JSON `id` is its `provider_id`.
 */
export function identityJson(row: IdentityRow): Json {
  return compact({
    identity_id: row.id,
    id: row.provider_id,
    user_id: row.user_id,
    identity_data: row.identity_data ?? {},
    provider: row.provider,
    last_sign_in_at: time(row.last_sign_in_at),
    created_at: time(row.created_at),
    updated_at: time(row.updated_at),
    email: row.email ?? undefined,
  });
}

/** `[gotrue] internal/models/user.go` JSON: `email`/`phone` are "" when unset, null timestamps omitted. */
export function userJson(row: UserRow): Json {
  return compact({
    id: row.id,
    aud: row.aud ?? '',
    role: row.role ?? '',
    email: row.email ?? '',
    email_confirmed_at: time(row.email_confirmed_at),
    phone: row.phone ?? '',
    phone_confirmed_at: time(row.phone_confirmed_at),
    confirmation_sent_at: time(row.confirmation_sent_at),
    confirmed_at: time(row.confirmed_at),
    recovery_sent_at: time(row.recovery_sent_at),
    new_email: row.email_change || undefined,
    email_change_sent_at: time(row.email_change_sent_at),
    new_phone: row.phone_change || undefined,
    phone_change_sent_at: time(row.phone_change_sent_at),
    invited_at: time(row.invited_at),
    last_sign_in_at: time(row.last_sign_in_at),
    app_metadata: row.raw_app_meta_data ?? {},
    user_metadata: row.raw_user_meta_data ?? {},
    identities: (row.identities ?? []).map(identityJson),
    created_at: time(row.created_at) ?? '',
    updated_at: time(row.updated_at) ?? '',
    banned_until: time(row.banned_until),
    deleted_at: time(row.deleted_at),
    is_anonymous: row.is_anonymous,
  });
}

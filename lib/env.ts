import { z } from 'zod';

// Next inlines NEXT_PUBLIC_* into client and middleware bundles only where the code says
// `process.env.NEXT_PUBLIC_X` literally, so each variable is read by name below, never through a lookup.

const FIX = 'Run `npx localbase status -o env` or copy .env.example to .env.local.';

const publicSchema = z.object({
  NEXT_PUBLIC_SUPABASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: z.string().min(1),
});

const serverSchema = z.object({
  SUPABASE_SECRET_KEY: z.string().min(1).optional(),
});

export type PublicEnv = { supabaseUrl: string; supabaseKey: string };
export type ServerEnv = PublicEnv & { supabaseSecretKey: string | undefined };

/** Empty strings (a copied .env.example with blanks) count as missing. */
function present(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

function parse<T extends z.ZodType>(schema: T, values: Record<string, string | undefined>): z.output<T> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return values[name] === undefined ? `${name} is not set` : `${name} ${issue.message}`;
  });
  throw new Error(`Invalid Supabase environment: ${problems.join('; ')}. ${FIX}`);
}

/** URL and publishable key; safe in the browser, in middleware and on the server. */
export function publicEnv(): PublicEnv {
  const env = parse(publicSchema, {
    NEXT_PUBLIC_SUPABASE_URL: present(process.env.NEXT_PUBLIC_SUPABASE_URL),
    // The legacy anon key works wherever the publishable key does (both map to the anon role).
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY:
      present(process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY) ?? present(process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY),
  });
  return { supabaseUrl: env.NEXT_PUBLIC_SUPABASE_URL, supabaseKey: env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY };
}

/** Adds the secret key, which bypasses RLS: server code only, and only where RLS cannot express the rule. */
export function serverEnv(): ServerEnv {
  if (typeof window !== 'undefined') throw new Error('serverEnv() must not run in the browser.');
  const env = parse(serverSchema, { SUPABASE_SECRET_KEY: present(process.env.SUPABASE_SECRET_KEY) });
  return { ...publicEnv(), supabaseSecretKey: env.SUPABASE_SECRET_KEY };
}

import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { linkErrorPath, linkProblem } from '@/lib/auth/links';
import { createClient } from '@/lib/supabase/server';
import { confirmLinkSchema, EMAIL_LINK_TYPES, safeNextPath, type EmailLinkType } from '@/lib/validation/auth';

/**
 * Where the links in Auth's mails land (supabase/templates/*.html): `verifyOtp({ type, token_hash })` exchanges the
 * link for a session in this request's cookies (the @supabase/ssr token-hash pattern). Unlike a PKCE code, a token
 * hash needs nothing stored in the browser that asked for the mail, so the link works on another device too.
 * Redirects are relative (next/navigation), so the cookies stay on the host the link was opened on.
 */
export async function GET(request: NextRequest) {
  const query = Object.fromEntries(request.nextUrl.searchParams);
  const type = (EMAIL_LINK_TYPES as readonly string[]).includes(query.type ?? '') ? (query.type as EmailLinkType) : undefined;
  const link = confirmLinkSchema.safeParse(query);
  if (!link.success) redirect(linkErrorPath('invalid', type));

  const supabase = await createClient();
  const { error } = await supabase.auth.verifyOtp(link.data);
  if (error) redirect(linkErrorPath(linkProblem(error.code), link.data.type));
  redirect(safeNextPath(query.next));
}

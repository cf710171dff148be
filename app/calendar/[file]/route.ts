import { createClient } from '@supabase/supabase-js';
import type { NextRequest } from 'next/server';
import { FEED_TOKEN, calendarFeedSchema } from '@/lib/calendar/feed';
import { feedToIcs } from '@/lib/calendar/ics';
import type { Database } from '@/lib/database.types';
import { publicEnv } from '@/lib/env';

// GET /calendar/<token>.ics: a member's private iCalendar feed. Calendar apps poll it with no session, so the
// token in the path is the only credential: an anon client (publishable key, no cookies) asks calendar_feed(),
// which answers only for a live token. Anything else is a bare 404, the same for a token that never existed, was
// revoked or is malformed, so the answer says nothing about which.

export const dynamic = 'force-dynamic';

const notFound = () => new Response(null, { status: 404 });

export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
  if (!FEED_TOKEN.test(token)) return notFound();

  const { supabaseUrl, supabaseKey } = publicEnv();
  const supabase = createClient<Database>(supabaseUrl, supabaseKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  const { data, error } = await supabase.rpc('calendar_feed', { p_token: token });
  if (error) {
    // The database or the API is down: calendar apps retry later, and keep what they had until then.
    console.error(`calendar feed: ${error.code} ${error.message}`);
    return new Response(null, { status: 503, headers: { 'Retry-After': '300' } });
  }
  if (data === null) return notFound();

  const feed = calendarFeedSchema.safeParse(data);
  if (!feed.success) {
    console.error('calendar feed: unexpected shape from calendar_feed()', feed.error.issues.slice(0, 3));
    return new Response(null, { status: 500 });
  }
  return new Response(feedToIcs(feed.data, request.nextUrl.origin), {
    status: 200,
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      // Private: the URL is a secret, so no shared cache may keep a copy; five minutes spares the database.
      'Cache-Control': 'private, max-age=300',
      'X-Robots-Tag': 'noindex',
    },
  });
}

import { NextResponse, type NextRequest } from 'next/server';
import { updateSession } from '@/lib/supabase/middleware';

/** A path whose percent-escapes do not decode (`/join/%`, a link cut short while copying). */
function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export async function middleware(request: NextRequest) {
  if (malformedPath(request.nextUrl.pathname)) return badRequest(request);
  return updateSession(request);
}

/**
 * Next.js would refuse such a path with its own unstyled 400 once it decodes the route's params. The styled page
 * (app/bad-request) is answered instead, keeping the 400: a rewrite cannot carry a status (Next 15.5 ignores the
 * one given to NextResponse.rewrite), so the prerendered page is fetched and sent on with it.
 */
async function badRequest(request: NextRequest): Promise<Response> {
  const page = await fetch(new URL('/bad-request', request.url));
  return new NextResponse(page.body, { status: 400, headers: { 'content-type': page.headers.get('content-type') ?? 'text/html; charset=utf-8' } });
}

// Runs in Next's default edge runtime. supabase-js needs a global WebSocket even here (it resolves one when the
// client is created); the edge sandbox provides its own (@edge-runtime/primitives), on Node 20 with or without
// --experimental-websocket (checked with Next 15.5.29), so no `runtime: 'nodejs'` is needed.
export const config = {
  matcher: [
    {
      // Every path except static assets: _next/static, _next/image, favicon.ico and image files.
      source: '/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp)$).*)',
      // Not server action calls: with a symmetric JWT secret getClaims() asks Auth (GET /user) each time, a round
      // trip on every save. The action's own server client refreshes an expired session and may set cookies.
      missing: [{ type: 'header', key: 'next-action' }],
    },
  ],
};

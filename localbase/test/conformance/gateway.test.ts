import { describe, expect, inject, it } from 'vitest';

const target = inject('target');

describe('gateway', () => {
  it('answers an unknown path as Kong does', async () => {
    const res = await fetch(`${target.url}/nowhere/v1/x`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'no Route matched with those values' });
  });

  it('answers a CORS preflight with any origin and the echoed request headers', async () => {
    const res = await fetch(`${target.url}/rest/v1/anything`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'apikey,authorization,x-client-info,content-type,prefer' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('apikey,authorization,x-client-info,content-type,prefer');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  it('exposes Content-Range and X-Supabase-Api-Version to browsers', async () => {
    const res = await fetch(`${target.url}/auth/v1/health`, { headers: { origin: 'http://localhost:3000' } });
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    expect(exposed).toContain('content-range');
    expect(exposed).toContain('x-supabase-api-version');
  });
});

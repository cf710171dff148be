import { createRequire } from 'node:module';
import type { NetworkInterfaceInfo } from 'node:os';
import type { NextConfig } from 'next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowedDevOrigins, isLoopbackUrl, lanAddress, parseLanArgs } from './lan.js';

function iface(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const common = { address, netmask: '255.255.255.0', mac: '02:00:00:00:00:01', internal, cidr: `${address}/24` };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

describe('lan', () => {
  it('lanAddress: the first non-internal IPv4, past loopback, IPv6 and link-local', () => {
    const interfaces = {
      lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
      eth0: [iface('fd00::2', 'IPv6'), iface('169.254.10.2', 'IPv4')],
      wlan0: [iface('fe80::1', 'IPv6'), iface('192.168.1.20', 'IPv4'), iface('192.168.1.21', 'IPv4')],
      eth1: [iface('10.0.0.5', 'IPv4')],
    };
    expect(lanAddress(interfaces)).toBe('192.168.1.20');
  });

  it('lanAddress: none when only loopback is up', () => {
    expect(lanAddress({ lo: [iface('127.0.0.1', 'IPv4', true)] })).toBeUndefined();
    expect(lanAddress({})).toBeUndefined();
  });

  it('parseLanArgs: --lan and --lan=<ip> are taken off the args for next dev; without them nothing changes', () => {
    expect(parseLanArgs(['--turbopack'], {})).toEqual({ lan: false, address: undefined, nextArgs: ['--turbopack'] });
    expect(parseLanArgs(['--lan', '--turbopack'], {})).toEqual({ lan: true, address: undefined, nextArgs: ['--turbopack'] });
    expect(parseLanArgs(['--lan=10.0.0.5'], {})).toEqual({ lan: true, address: '10.0.0.5', nextArgs: [] });
  });

  it('parseLanArgs: ROCK_ON_LAN_ADDRESS chooses the address in LAN mode only, and the flag wins over it', () => {
    const env = { ROCK_ON_LAN_ADDRESS: '10.0.0.7' };
    expect(parseLanArgs(['--lan'], env).address).toBe('10.0.0.7');
    expect(parseLanArgs(['--lan=10.0.0.5'], env).address).toBe('10.0.0.5');
    expect(parseLanArgs([], env)).toEqual({ lan: false, address: undefined, nextArgs: [] });
  });

  it('parseLanArgs: a name or a typo is refused with an example', () => {
    expect(() => parseLanArgs(['--lan=my-laptop'], {})).toThrow(/--lan=my-laptop: not an IP address.*--lan=192\.168\.1\.20/);
    expect(() => parseLanArgs(['--lan'], { ROCK_ON_LAN_ADDRESS: '10.0.0' })).toThrow(/not an IP address/);
  });

  it('allowedDevOrigins: the LAN address in LAN mode, else unset (Next keeps its default)', () => {
    expect(allowedDevOrigins('192.168.1.20')).toEqual(['192.168.1.20']);
    expect(allowedDevOrigins(undefined)).toBeUndefined();
    expect(allowedDevOrigins('')).toBeUndefined();
  });

  it('isLoopbackUrl: only this machine can open loopback URLs', () => {
    for (const url of ['http://127.0.0.1:54321', 'http://localhost:54321', 'http://127.1.2.3', 'http://[::1]:54321', 'http://api.localhost']) {
      expect(isLoopbackUrl(url), url).toBe(true);
    }
    for (const url of ['http://192.168.1.20:54321', 'https://abcd.supabase.co', 'http://[fd00::2]:54321']) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
  });

  describe('next.config.js', () => {
    const loadNextConfig = () => (createRequire(import.meta.url)('../next.config.js') as (phase: string) => NextConfig)('phase-development-server');
    afterEach(() => vi.unstubAllEnvs());

    it('sets allowedDevOrigins and a LAN connect-src from what scripts/dev.mjs hands over in LAN mode', async () => {
      vi.stubEnv('NEXT_PUBLIC_SUPABASE_URL', 'http://192.168.1.20:54321');
      vi.stubEnv('ROCK_ON_LAN_ADDRESS', '192.168.1.20');
      const config = loadNextConfig();
      expect(config.allowedDevOrigins).toEqual(['192.168.1.20']);
      const [{ headers }] = (await config.headers!()) as unknown as [{ headers: { key: string; value: string }[] }];
      expect(headers[0]!.value).toContain('connect-src \'self\' http://192.168.1.20:54321 ws://192.168.1.20:54321;');
    });

    it('leaves allowedDevOrigins unset outside LAN mode', () => {
      vi.stubEnv('NEXT_PUBLIC_SUPABASE_URL', 'http://127.0.0.1:54321');
      vi.stubEnv('ROCK_ON_LAN_ADDRESS', '');
      expect(loadNextConfig().allowedDevOrigins).toBeUndefined();
    });
  });
});

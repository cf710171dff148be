import { describe, expect, it } from 'vitest';
import { loginPath } from './routes';

describe('routes', () => {
  it('loginPath: keeps the requested path and query as ?next=', () => {
    expect(loginPath('/bands/1/songs?x=1')).toBe('/login?next=%2Fbands%2F1%2Fsongs%3Fx%3D1');
    expect(loginPath('/join/ABC')).toBe('/login?next=%2Fjoin%2FABC');
  });

  it('loginPath: drops anything that is not a same-site path', () => {
    expect(loginPath(null)).toBe('/login');
    expect(loginPath('//evil.example/x')).toBe('/login');
    expect(loginPath('https://evil.example')).toBe('/login');
  });
});

import { describe, expect, it } from 'vitest';
import { authRedirect } from './routes';

describe('routes', () => {
  it('authRedirect: signed-out users go from app routes to /login with the way back', () => {
    expect(authRedirect('/bands/1/songs', '?x=1', false)).toBe('/login?next=%2Fbands%2F1%2Fsongs%3Fx%3D1');
    expect(authRedirect('/join/ABC', '', false)).toBe('/login?next=%2Fjoin%2FABC');
  });

  it('authRedirect: signed-in users skip /login and /signup', () => {
    expect(authRedirect('/login', '', true)).toBe('/bands');
    expect(authRedirect('/signup', '', true)).toBe('/bands');
  });

  it('authRedirect: the home page and look-alike paths stay public', () => {
    expect(authRedirect('/', '', false)).toBeNull();
    expect(authRedirect('/bandstand', '', false)).toBeNull();
    expect(authRedirect('/bands', '', true)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { confirmLinkPath, linkErrorPath, linkProblem, newLinkPath, signedOutNotice } from './links';

describe('auth links', () => {
  it('confirmLinkPath: the next path travels encoded, and the link already has a query for the template to extend', () => {
    expect(confirmLinkPath('/join/ABC?x=1')).toBe('/auth/confirm?next=%2Fjoin%2FABC%3Fx%3D1');
    expect(`${confirmLinkPath('/bands')}&token_hash=h&type=email`).toMatch(/^\/auth\/confirm\?next=%2Fbands&token_hash=h&type=email$/);
  });

  it('linkProblem: otp_expired (used, unknown or expired) vs a malformed request vs anything else', () => {
    expect(linkProblem('otp_expired')).toBe('expired');
    expect(linkProblem('validation_failed')).toBe('invalid');
    expect(linkProblem(undefined)).toBe('failed');
  });

  it('linkErrorPath and newLinkPath: a dead link offers a fresh one of its kind', () => {
    expect(linkErrorPath('expired', 'recovery')).toBe('/auth/link-error?problem=expired&type=recovery');
    expect(linkErrorPath('invalid', undefined)).toBe('/auth/link-error?problem=invalid');
    expect(newLinkPath('recovery').href).toBe('/forgot-password');
    expect(newLinkPath('magiclink').href).toBe('/login/email');
    expect(newLinkPath('email').href).toBe('/login/email');
    expect(newLinkPath('javascript:alert(1)').href).toBe('/login');
  });

  it('signedOutNotice: known reasons only', () => {
    expect(signedOutNotice('signed-out')).toMatch(/signed out on this device/);
    expect(signedOutNotice('signed-out-everywhere')).toMatch(/all your devices/);
    expect(signedOutNotice('<script>')).toBeUndefined();
  });
});

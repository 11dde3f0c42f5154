import { describe, expect, it } from 'vitest';
import { grantScopes, isKnownScope, scopeGrants } from './scopes.js';

describe('SMART system scopes', () => {
  it.each([
    [['system/Claim.c'], 'system/Claim.c', true],
    [['system/Claim.cr'], 'system/Claim.r', true],
    [['system/Claim.r'], 'system/Claim.c', false],
    [['system/*.cruds'], 'system/Claim.c', true],
    [['system/*.read'], 'system/Claim.c', false],
    [['system/Claim.write'], 'system/Claim.c', true],
    [['system/Claim.read'], 'system/Claim.rs', true],
    [['system/ClaimResponse.r'], 'system/Claim.r', false],
    [['cds-hooks'], 'cds-hooks', true],
    [['system/*.*'], 'cds-hooks', false],
    [[], 'system/Claim.c', false],
  ])('%j grants %s: %s', (granted, needed, expected) => {
    expect(scopeGrants(granted, needed)).toBe(expected);
  });

  it.each([
    ['system/Claim.c', true],
    ['system/Claim.rs?category=x', true],
    ['patient/Claim.c', false],
    ['system/Claim.x', false],
    ['system/Claim.rc', false],
    ['cds-hooks', true],
    ['openid', false],
  ])('%s is a known scope: %s', (scope, expected) => {
    expect(isKnownScope(scope)).toBe(expected);
  });

  it('a token carries only what the registration allows', () => {
    expect(grantScopes(['system/Claim.c', 'system/Patient.r'], ['system/Claim.cr'])).toEqual(['system/Claim.c']);
  });
});

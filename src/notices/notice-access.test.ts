import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../platform/roles.js';
import { canSeeNotice, type NoticeCase } from './notice-access.js';

const who = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  userId: 'u',
  username: 'u',
  role,
  via: 'token',
  ...extra,
});
const paCase: NoticeCase = { memberId: 'M1', prescriberNpi: '1111111111', pharmacyNpi: '2222222222' };
const toMember = { recipient: 'member', recipientId: 'M1', memberId: 'M1' };
const toPrescriber = { recipient: 'prescriber', recipientId: '1111111111', memberId: 'M1' };
const toPharmacy = { recipient: 'pharmacy', recipientId: '2222222222', memberId: 'M1' };

describe('canSeeNotice', () => {
  const cases: Array<[string, Principal, typeof toMember, boolean]> = [
    ['the member, their own letter', who('member', { memberId: 'M1' }), toMember, true],
    ["the member, the prescriber's copy on their case", who('member', { memberId: 'M1' }), toPrescriber, false],
    ['another member', who('member', { memberId: 'M2' }), toMember, false],
    ['a member account without a member id', who('member'), toMember, false],
    ['the prescriber, their fax', who('prescriber', { npi: '1111111111' }), toPrescriber, true],
    ["the prescriber, the member's letter on their case", who('prescriber', { npi: '1111111111' }), toMember, true],
    ['another prescriber', who('prescriber', { npi: '3333333333' }), toPrescriber, false],
    ['the pharmacy, its own letter', who('pharmacy', { npi: '2222222222' }), toPharmacy, true],
    ["the pharmacy, the member's letter on a case it started", who('pharmacy', { npi: '2222222222' }), toMember, false],
    ['member services', who('member-services'), toMember, true],
    ['a reviewer', who('reviewer-physician'), toPrescriber, true],
  ];
  it.each(cases)('%s', (_name, p, n, expected) => {
    expect(canSeeNotice(p, n, paCase)).toBe(expected);
  });

  it('a prescriber sees a letter addressed to them without a case', () => {
    expect(canSeeNotice(who('prescriber', { npi: '1111111111' }), toPrescriber, null)).toBe(true);
    expect(canSeeNotice(who('prescriber', { npi: '1111111111' }), toMember, null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { PlanRow, ProcessorRow } from '../../plans/index.js';
import { otherProcessorOf } from '../../plans/index.js';
import { routeToPlan } from './routing.js';

// The demo set-up (src/demo/demo-plans.ts): the PBM (BIN 610011, PCN BAYRX) pays the commercial
// plan; Medi-Cal managed care is carved out to Medi-Cal Rx (BIN 022659, PCN 6334225, group MediCalRx).
const at = new Date('2026-11-20T17:00:00Z');
const processor = (p: Partial<ProcessorRow> & Pick<ProcessorRow, 'id' | 'name' | 'bin'>): ProcessorRow => ({
  pcn: null,
  groupId: null,
  helpDeskPhone: null,
  paFax: null,
  paPhone: null,
  updatedAt: at,
  ...p,
});
const plan = (p: Partial<PlanRow> & Pick<PlanRow, 'id' | 'name' | 'processorId'>): PlanRow => ({
  lineOfBusiness: 'commercial',
  groupId: null,
  carveOutPlanId: null,
  policy: {} as PlanRow['policy'],
  source: 'openpbm',
  updatedAt: at,
  ...p,
});

const pbm = processor({
  id: 'bayrx',
  name: 'Bay Area Rx PBM',
  bin: '610011',
  pcn: 'BAYRX',
  helpDeskPhone: '1-510-555-0100',
});
const mediCalRx = processor({
  id: 'medi-cal-rx',
  name: 'Medi-Cal Rx',
  bin: '022659',
  pcn: '6334225',
  groupId: 'MediCalRx',
  helpDeskPhone: '1-800-977-2273',
});
const commercial = plan({ id: 'CACOM1', name: 'Commercial HMO', processorId: 'bayrx', groupId: 'CACOM1' });
const rx = plan({ id: 'MCRX-FFS', name: 'Medi-Cal Rx', lineOfBusiness: 'medi-cal', processorId: 'medi-cal-rx' });
const managedCare = plan({
  id: 'MCAL-MC',
  name: 'Poppy Health Plan — Medi-Cal',
  lineOfBusiness: 'medi-cal',
  processorId: 'bayrx',
  groupId: 'MCALMC',
  carveOutPlanId: 'MCRX-FFS',
});
const plans = new Map([commercial, rx, managedCare].map((p) => [p.id, p]));
const processors = new Map([pbm, mediCalRx].map((p) => [p.id, p]));
const route = (memberPlan: PlanRow, bin: string, pcn: string | null, groupId: string | null) =>
  routeToPlan({ bin, pcn, groupId, memberPlan, plans, processors });

describe('routeToPlan', () => {
  it('a claim with the plan’s own BIN, PCN and group is adjudicated under the member’s plan', () => {
    expect(route(commercial, '610011', 'BAYRX', 'CACOM1')).toEqual({ plan: commercial });
  });

  it('PCN and group may be left out (they are optional on the claim)', () => {
    expect(route(commercial, '610011', null, null)).toEqual({ plan: commercial });
  });

  it('a carved-out member billed to the managed-care plan’s BIN is sent to Medi-Cal Rx with 41 and its numbers', () => {
    const r = route(managedCare, '610011', 'BAYRX', 'MCALMC');
    expect('step' in r && r.step.reject.code).toBe('41');
    if (!('step' in r)) throw new Error('expected a reject');
    expect(r.step.message).toContain('covered by Medi-Cal Rx, not by Poppy Health Plan — Medi-Cal');
    expect(r.step.nextSteps).toEqual({
      otherProcessor: {
        name: 'Medi-Cal Rx',
        bin: '022659',
        pcn: '6334225',
        groupId: 'MediCalRx',
        phone: '1-800-977-2273',
      },
    });
  });

  it('the same carved-out claim at Medi-Cal Rx’s BIN pays under Medi-Cal Rx', () => {
    expect(route(managedCare, '022659', '6334225', 'MediCalRx')).toEqual({ plan: rx });
  });

  it('a claim to the wrong BIN for a plan that is not carved out is a 41 naming the right processor', () => {
    const r = route(commercial, '022659', null, null);
    if (!('step' in r)) throw new Error('expected a reject');
    expect(r.step.reject.code).toBe('41');
    expect(r.step.message).toBe("This member's pharmacy claims go to Bay Area Rx PBM.");
  });

  it('a wrong PCN is 04 with the right one in the message; a wrong group is 06', () => {
    const pcn = route(commercial, '610011', 'WRONG', 'CACOM1');
    if (!('step' in pcn)) throw new Error('expected a reject');
    expect(pcn.step.reject.code).toBe('04');
    expect(pcn.step.message).toContain('BAYRX');
    const group = route(commercial, '610011', 'BAYRX', 'IHSS01');
    if (!('step' in group)) throw new Error('expected a reject');
    expect(group.step.reject.code).toBe('06');
    expect(group.step.message).toContain('CACOM1');
  });

  it('a plan without a group of its own takes its processor’s group', () => {
    const r = route(rx, '022659', '6334225', 'SOMETHINGELSE');
    if (!('step' in r)) throw new Error('expected a reject');
    expect(r.step.message).toBe('The group ID for this member should be MediCalRx.');
  });

  it('a plan whose processor is unknown answers 41 without inventing a processor', () => {
    const orphan = plan({ id: 'X', name: 'Orphan plan', processorId: 'gone' });
    const r = routeToPlan({ bin: '610011', pcn: null, groupId: null, memberPlan: orphan, plans, processors });
    if (!('step' in r)) throw new Error('expected a reject');
    expect(r.step.reject.code).toBe('41');
    expect(r.step.nextSteps).toBeUndefined();
    expect(otherProcessorOf(orphan, processors)).toBeNull();
  });
});

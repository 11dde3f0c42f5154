import type { LetterContext } from '../letter-context.js';
import type { Section } from '../letter.js';
import { forAudience, paragraphs, type LetterTemplate } from './letter-template.js';

/**
 * A reviewer moved an urgent request to the standard clock: the reason, the new due time, and
 * the right to disagree (e.g. 42 CFR 423.570(d): prompt notice, and the right to a grievance).
 */
export const urgencyReclassifiedLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.reclassified.title),
  body: (c) => {
    const { t, content } = c;
    const r = forAudience(c, t.reclassified);
    const intro =
      c.audience === 'member'
        ? t.reclassified.member.intro(c.drug)
        : t.reclassified.provider.intro(c.drug, c.memberName);
    const phone = c.audience === 'member' ? c.helpPhone : (c.contacts.priorAuthPhone ?? c.helpPhone);
    const sections: Section[] = [paragraphs(intro)];
    if (content.reason) sections.push({ heading: r.reason, blocks: [{ type: 'paragraph', text: content.reason }] });
    sections.push(paragraphs(content.dueAt ? r.due(c.dateTime(content.dueAt)) : r.noDue, r.disagree(phone)));
    return sections;
  },
};

/** Before an authorization ends (docs/design.md#renewals): renew within the window. */
export const renewalReminderLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.renewal.title),
  body: (c) => {
    const { t, content } = c;
    const a = content.authorization;
    const to = a?.effectiveTo ? c.date(a.effectiveTo) : '-';
    if (c.audience === 'member') return [paragraphs(t.renewal.member.intro(c.drug, to), t.renewal.member.ask)];
    return [
      paragraphs(
        t.renewal.provider.intro(c.drug, c.memberName, to),
        a && t.renewal.provider.ask(a.authorizationNumber),
      ),
    ];
  },
};

/** A pharmacy saw a PA-required reject and tells the prescriber (docs/design.md#actors). */
export const paNeededLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.paNeeded.title),
  body: (c: LetterContext) => {
    const { t, content, contacts } = c;
    if (c.audience === 'member') return [paragraphs(t.paNeeded.member.intro(c.drug))];
    const w = t.paNeeded.provider.ways;
    const ways = content.howToRequest.flatMap((how) => {
      if (how === 'epa') return [w.epa];
      if (how === 'portal') return [w.portal];
      if (how === 'fax' && contacts.priorAuthFax) return [w.fax(contacts.priorAuthFax)];
      if (how === 'phone' && contacts.priorAuthPhone) return [w.phone(contacts.priorAuthPhone)];
      return [];
    });
    return [
      paragraphs(t.paNeeded.provider.intro(c.drug, c.memberName, c.pharmacyName), t.paNeeded.provider.opened),
      { heading: t.paNeeded.provider.howHeading, blocks: ways.length ? [{ type: 'bullets', items: ways }] : [] },
    ];
  },
};

export const cancellationLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.cancellation.title),
  body: (c) => [
    paragraphs(
      c.audience === 'member'
        ? c.t.cancellation.member.intro(c.drug)
        : c.t.cancellation.provider.intro(c.drug, c.memberName),
    ),
  ],
};

/**
 * A missed review clock on a plan without deemed approval (src/priorauth/escalate-overdue-case.ts),
 * to the member and the prescriber. Medicare Part D: the request has gone to the IRE, which will
 * decide and write to them (42 CFR 423.568(h)); other plans: a supervisor has it.
 */
export const escalationLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.content.forwardedTo ? c.t.escalation.forwardedTitle : c.t.escalation.title),
  body: (c) => {
    const { t, content } = c;
    const due = content.dueAt ? c.dateTime(content.dueAt) : null;
    if (content.forwardedTo) {
      const f = t.escalation.forwarded;
      return c.audience === 'member'
        ? [paragraphs(f.member.intro(c.drug, due), f.member.what(content.forwardedTo), f.member.next)]
        : [paragraphs(f.provider.intro(c.drug, c.memberName, due), f.provider.what(content.forwardedTo))];
    }
    return [
      paragraphs(
        c.audience === 'member' ? t.escalation.member.intro(c.drug) : t.escalation.provider.intro(c.drug, c.memberName),
      ),
    ];
  },
};

/**
 * A faxed request intake keyed in and submitted: the prescriber learns it arrived complete, when
 * (the fax's receipt starts the clock, docs/design.md#clocks) and when the decision is due.
 */
export const requestAcknowledgmentLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.acknowledgment.title),
  body: (c) => {
    const { t, content } = c;
    const a = forAudience(c, t.acknowledgment);
    const received = content.receivedAt ? c.dateTime(content.receivedAt) : '-';
    const intro =
      c.audience === 'member'
        ? t.acknowledgment.member.intro(c.drug, received)
        : t.acknowledgment.provider.intro(c.drug, c.memberName, received);
    return [paragraphs(intro, content.dueAt ? a.due(c.dateTime(content.dueAt)) : a.noDue)];
  },
};

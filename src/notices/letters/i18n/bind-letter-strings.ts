import type { ReviewClock } from '../../../plans/plan-policy.js';
import { fill, fillAll } from './fill-placeholders.js';
import type { LetterResource } from './letter-resources.js';

/**
 * A language's resource file (messages/*.json) bound to the calls letter templates make:
 * `t.approval.member.intro(drug)` fills `{drug}` in that language's sentence. One binding for
 * every language, so a translation is data only; the parameter names here are the placeholder
 * names the files use. The few choices that depend on a value (plural of a clock, who filed,
 * whether a due date or fax number is known) pick between whole sentences in the file, so a
 * translator sees every sentence as it prints.
 */
export function bindLetterStrings(file: LetterResource) {
  const m = file.messages;
  return {
    locale: file.locale,
    pdfLang: file.pdfLang,
    clock: (c: ReviewClock): string => {
      const one = c.amount === 1;
      const forms =
        c.unit === 'hours'
          ? [m.clock.hour, m.clock.hours]
          : c.unit === 'business-days'
            ? [m.clock.businessDay, m.clock.businessDays]
            : [m.clock.day, m.clock.days];
      return fill(one ? forms[0] : forms[1], { amount: c.amount });
    },
    urgencyName: (urgency: string): string => (urgency === 'urgent' ? m.urgencyName.urgent : m.urgencyName.standard),
    filedByName: (who: string): string =>
      who === 'member'
        ? m.filedByName.member
        : who === 'prescriber'
          ? m.filedByName.prescriber
          : m.filedByName.representative,
    reviewerRole: (role: string | null): string =>
      role === 'reviewer-physician'
        ? m.reviewerRole.physician
        : role === 'reviewer-pharmacist'
          ? m.reviewerRole.pharmacist
          : m.reviewerRole.other,
    dateAtTime: (date: string, time: string) => fill(m.dateAtTime, { date, time }),
    amountPerDays: (units: string, days: number) => fill(m.amountPerDays, { units, days }),
    amountForDays: (units: string, days: number) => fill(m.amountForDays, { units, days }),
    asPrescribedWithinLimits: m.asPrescribedWithinLimits,
    period: (from: string, to: string) => fill(m.period, { from, to }),
    letterhead: {
      handledBy: (who: string) => fill(m.letterhead.handledBy, { who }),
      memberServices: (phone: string) => fill(m.letterhead.memberServices, { phone }),
      paPhone: (phone: string) => fill(m.letterhead.paPhone, { phone }),
      paFax: (fax: string) => fill(m.letterhead.paFax, { fax }),
    },
    labels: {
      member: m.labels.member,
      patient: m.labels.patient,
      memberId: m.labels.memberId,
      dateOfBirth: m.labels.dateOfBirth,
      drug: m.labels.drug,
      requestNumber: m.labels.requestNumber,
      appealNumber: m.labels.appealNumber,
      plan: m.labels.plan,
      prescriber: m.labels.prescriber,
      npi: m.labels.npi,
      fax: m.labels.fax,
      phone: m.labels.phone,
      received: m.labels.received,
      appealReceived: m.labels.appealReceived,
      noticeDate: m.labels.noticeDate,
      authorizationNumber: m.labels.authorizationNumber,
      approvedPeriod: m.labels.approvedPeriod,
      approvedAmount: m.labels.approvedAmount,
      requestedAmount: m.labels.requestedAmount,
      covers: m.labels.covers,
      decidedOn: m.labels.decidedOn,
      reviewer: m.labels.reviewer,
      criteriaUsed: m.labels.criteriaUsed,
      sendBy: m.labels.sendBy,
      dueBy: m.labels.dueBy,
    },
    greeting: {
      person: (name: string) => fill(m.greeting.person, { name }),
      pharmacy: m.greeting.pharmacy,
    },
    closing: (plan: string) => fillAll(m.closing, { plan }),
    questions: {
      heading: m.questions.heading,
      member: (phone: string) => fill(m.questions.member, { phone }),
      provider: (phone: string) => fill(m.questions.provider, { phone }),
    },
    footer: (noticeId: string) => fill(m.footer, { noticeId }),
    pageOf: (n: number, total: number) => fill(m.pageOf, { n, total }),
    printedNotOnFile: m.printedNotOnFile,
    decision: {
      automated: m.decision.automated,
      reviewedByMember: (name: string, role: string) => fill(m.decision.reviewedByMember, { name, role }),
      reviewedByProvider: (name: string, role: string) => fill(m.decision.reviewedByProvider, { name, role }),
      peerToPeer: (phone: string) => fill(m.decision.peerToPeer, { phone }),
    },
    approval: {
      title: {
        member: m.approval.title.member,
        provider: m.approval.title.provider,
      },
      member: {
        intro: (drug: string) => fill(m.approval.member.intro, { drug }),
        askedBy: (prescriber: string) => fill(m.approval.member.askedBy, { prescriber }),
        covers: (scope: string) => fill(m.approval.member.covers, { scope }),
        pharmacy: m.approval.member.pharmacy,
        renew: (to: string, days: number) => fill(m.approval.member.renew, { to, days }),
      },
      provider: {
        intro: (drug: string, patient: string) => fill(m.approval.provider.intro, { drug, patient }),
        claims: (scope: string, to: string) => fill(m.approval.provider.claims, { scope, to }),
        renew: (days: number) => fill(m.approval.provider.renew, { days }),
      },
    },
    partialApproval: {
      title: {
        member: m.partialApproval.title.member,
        provider: m.partialApproval.title.provider,
      },
      member: {
        intro: (drug: string) => fill(m.partialApproval.member.intro, { drug }),
        whyHeading: m.partialApproval.member.whyHeading,
      },
      provider: {
        intro: (drug: string, patient: string) => fill(m.partialApproval.provider.intro, { drug, patient }),
        whyHeading: m.partialApproval.provider.whyHeading,
      },
    },
    deemedApproval: {
      title: {
        member: m.deemedApproval.title.member,
        provider: m.deemedApproval.title.provider,
      },
      member: {
        intro: (drug: string) => fill(m.deemedApproval.member.intro, { drug }),
      },
      provider: {
        intro: (drug: string, patient: string) => fill(m.deemedApproval.provider.intro, { drug, patient }),
      },
      californiaLaw: m.deemedApproval.californiaLaw,
    },
    denial: {
      title: {
        member: m.denial.title.member,
        provider: m.denial.title.provider,
      },
      member: {
        intro: (drug: string, prescriber: string) => fill(m.denial.member.intro, { drug, prescriber }),
        whyHeading: m.denial.member.whyHeading,
        reviewerWrote: m.denial.member.reviewerWrote,
        rulesHeading: (title: string) => fill(m.denial.member.rulesHeading, { title }),
        copyOfRules: (phone: string) => fill(m.denial.member.copyOfRules, { phone }),
        notTheEnd: m.denial.member.notTheEnd,
      },
      provider: {
        intro: (drug: string, patient: string) => fill(m.denial.provider.intro, { drug, patient }),
        whyHeading: m.denial.provider.whyHeading,
        criteriaHeading: (title: string) => fill(m.denial.provider.criteriaHeading, { title }),
        alternatives: m.denial.provider.alternatives,
      },
    },
    closure: {
      title: {
        member: m.closure.title.member,
        provider: m.closure.title.provider,
      },
      member: {
        intro: (drug: string) => fill(m.closure.member.intro, { drug }),
        whatNow: m.closure.member.whatNow,
        options: m.closure.member.options,
      },
      provider: {
        intro: (drug: string, patient: string) => fill(m.closure.provider.intro, { drug, patient }),
        whyHeading: m.closure.provider.whyHeading,
        resubmit: m.closure.provider.resubmit,
      },
    },
    informationRequest: {
      title: {
        member: m.informationRequest.title.member,
        provider: m.informationRequest.title.provider,
      },
      incompleteTitle: {
        member: m.informationRequest.incompleteTitle.member,
        provider: m.informationRequest.incompleteTitle.provider,
      },
      provider: {
        intro: (drug: string, patient: string) => fill(m.informationRequest.provider.intro, { drug, patient }),
        incompleteIntro: (drug: string, patient: string) =>
          fill(m.informationRequest.provider.incompleteIntro, { drug, patient }),
        question: (q: string) => fill(m.informationRequest.provider.question, { q }),
        document: (d: string) => fill(m.informationRequest.provider.document, { d }),
        reviewerNote: (note: string) => fill(m.informationRequest.provider.reviewerNote, { note }),
        sendBy: (when: string) => fill(m.informationRequest.provider.sendBy, { when }),
        sequence: (n: number, max: number) => fill(m.informationRequest.provider.sequence, { n, max }),
        ifLate: m.informationRequest.provider.ifLate,
        ifLateLast: m.informationRequest.provider.ifLateLast,
        howHeading: m.informationRequest.provider.howHeading,
        portal: m.informationRequest.provider.portal,
        fax: (fax: string) => fill(m.informationRequest.provider.fax, { fax }),
        phone: (phone: string) => fill(m.informationRequest.provider.phone, { phone }),
      },
      member: {
        intro: (drug: string) => fill(m.informationRequest.member.intro, { drug }),
        items: m.informationRequest.member.items,
        due: (when: string) => fill(m.informationRequest.member.due, { when }),
      },
    },
    acknowledgment: {
      title: {
        member: m.acknowledgment.title.member,
        provider: m.acknowledgment.title.provider,
      },
      member: {
        intro: (drug: string, received: string) => fill(m.acknowledgment.member.intro, { drug, received }),
        due: (when: string) => fill(m.acknowledgment.member.due, { when }),
        noDue: m.acknowledgment.member.noDue,
      },
      provider: {
        intro: (drug: string, patient: string, received: string) =>
          fill(m.acknowledgment.provider.intro, { drug, patient, received }),
        due: (when: string) => fill(m.acknowledgment.provider.due, { when }),
        noDue: m.acknowledgment.provider.noDue,
      },
    },
    reclassified: {
      title: {
        member: m.reclassified.title.member,
        provider: m.reclassified.title.provider,
      },
      member: {
        intro: (drug: string) => fill(m.reclassified.member.intro, { drug }),
        reason: m.reclassified.member.reason,
        due: (when: string) => fill(m.reclassified.member.due, { when }),
        noDue: m.reclassified.member.noDue,
        disagree: (phone: string) => fill(m.reclassified.member.disagree, { phone }),
      },
      provider: {
        intro: (drug: string, patient: string) => fill(m.reclassified.provider.intro, { drug, patient }),
        reason: m.reclassified.provider.reason,
        due: (when: string) => fill(m.reclassified.provider.due, { when }),
        noDue: m.reclassified.provider.noDue,
        disagree: (phone: string) => fill(m.reclassified.provider.disagree, { phone }),
      },
    },
    renewal: {
      title: {
        member: m.renewal.title.member,
        provider: m.renewal.title.provider,
      },
      member: {
        intro: (drug: string, to: string) => fill(m.renewal.member.intro, { drug, to }),
        ask: m.renewal.member.ask,
      },
      provider: {
        intro: (drug: string, patient: string, to: string) => fill(m.renewal.provider.intro, { drug, patient, to }),
        ask: (number: string) => fill(m.renewal.provider.ask, { number }),
      },
    },
    paNeeded: {
      title: {
        member: m.paNeeded.title.member,
        provider: m.paNeeded.title.provider,
      },
      member: {
        intro: (drug: string) => fill(m.paNeeded.member.intro, { drug }),
      },
      provider: {
        intro: (drug: string, patient: string, pharmacy: string) =>
          fill(m.paNeeded.provider.intro, { drug, patient, pharmacy }),
        opened: m.paNeeded.provider.opened,
        howHeading: m.paNeeded.provider.howHeading,
        ways: {
          epa: m.paNeeded.provider.ways.epa,
          portal: m.paNeeded.provider.ways.portal,
          fax: (fax: string) => fill(m.paNeeded.provider.ways.fax, { fax }),
          phone: (phone: string) => fill(m.paNeeded.provider.ways.phone, { phone }),
        },
      },
    },
    cancellation: {
      title: {
        member: m.cancellation.title.member,
        provider: m.cancellation.title.provider,
      },
      member: {
        intro: (drug: string) => fill(m.cancellation.member.intro, { drug }),
      },
      provider: {
        intro: (drug: string, patient: string) => fill(m.cancellation.provider.intro, { drug, patient }),
      },
    },
    escalation: {
      title: {
        member: m.escalation.title.member,
        provider: m.escalation.title.provider,
      },
      member: {
        intro: (drug: string) => fill(m.escalation.member.intro, { drug }),
      },
      provider: {
        intro: (drug: string, patient: string) => fill(m.escalation.provider.intro, { drug, patient }),
      },
      forwardedTitle: {
        member: m.escalation.forwardedTitle.member,
        provider: m.escalation.forwardedTitle.provider,
      },
      forwarded: {
        member: {
          intro: (drug: string, due: string | null) =>
            due
              ? fill(m.escalation.forwarded.member.introWithDue, { drug, due })
              : fill(m.escalation.forwarded.member.intro, { drug }),
          what: (to: string) => fill(m.escalation.forwarded.member.what, { to }),
          next: m.escalation.forwarded.member.next,
        },
        provider: {
          intro: (drug: string, patient: string, due: string | null) =>
            due
              ? fill(m.escalation.forwarded.provider.introWithDue, { drug, patient, due })
              : fill(m.escalation.forwarded.provider.intro, { drug, patient }),
          what: (to: string) => fill(m.escalation.forwarded.provider.what, { to }),
        },
      },
    },
    appealAcknowledgment: {
      title: {
        member: m.appealAcknowledgment.title.member,
        provider: m.appealAcknowledgment.title.provider,
      },
      member: {
        intro: (drug: string, received: string) => fill(m.appealAcknowledgment.member.intro, { drug, received }),
        kind: (urgency: string) => fill(m.appealAcknowledgment.member.kind, { urgency }),
        due: (when: string) => fill(m.appealAcknowledgment.member.due, { when }),
        independent: m.appealAcknowledgment.member.independent,
        more: m.appealAcknowledgment.member.more,
        filedBy: (who: string) => fill(m.appealAcknowledgment.member.filedBy, { who }),
      },
      provider: {
        intro: (drug: string, patient: string, received: string) =>
          fill(m.appealAcknowledgment.provider.intro, { drug, patient, received }),
        due: (urgency: string, when: string) => fill(m.appealAcknowledgment.provider.due, { urgency, when }),
        more: (fax: string | null) =>
          fax ? fill(m.appealAcknowledgment.provider.moreWithFax, { fax }) : m.appealAcknowledgment.provider.more,
      },
    },
    appealDecision: {
      title: {
        overturned: {
          member: m.appealDecision.title.overturned.member,
          provider: m.appealDecision.title.overturned.provider,
        },
        partiallyOverturned: {
          member: m.appealDecision.title.partiallyOverturned.member,
          provider: m.appealDecision.title.partiallyOverturned.provider,
        },
        upheld: {
          member: m.appealDecision.title.upheld.member,
          provider: m.appealDecision.title.upheld.provider,
        },
      },
      member: {
        overturned: (drug: string) => fill(m.appealDecision.member.overturned, { drug }),
        partiallyOverturned: (drug: string) => fill(m.appealDecision.member.partiallyOverturned, { drug }),
        upheld: (drug: string) => fill(m.appealDecision.member.upheld, { drug }),
        whyHeading: m.appealDecision.member.whyHeading,
      },
      provider: {
        overturned: (drug: string, patient: string) => fill(m.appealDecision.provider.overturned, { drug, patient }),
        partiallyOverturned: (drug: string, patient: string) =>
          fill(m.appealDecision.provider.partiallyOverturned, { drug, patient }),
        upheld: (drug: string, patient: string) => fill(m.appealDecision.provider.upheld, { drug, patient }),
        whyHeading: m.appealDecision.provider.whyHeading,
      },
    },
    appealRights: {
      heading: m.appealRights.heading,
      providerHeading: m.appealRights.providerHeading,
      whatIsIt: (called: string) => fill(m.appealRights.whatIsIt, { called }),
      appealWord: m.appealRights.appealWord,
      redeterminationWord: m.appealRights.redeterminationWord,
      deadline: (date: string) => fill(m.appealRights.deadline, { date }),
      deadlineDays: (days: number) => fill(m.appealRights.deadlineDays, { days }),
      who: m.appealRights.who,
      review: (standard: string) => fill(m.appealRights.review, { standard }),
      fast: (standard: string, fast: string) => fill(m.appealRights.fast, { standard, fast }),
      providerSummary: (date: string, standard: string, fast: string) =>
        fill(m.appealRights.providerSummary, { date, standard, fast }),
      howHeading: m.appealRights.howHeading,
      portal: m.appealRights.portal,
      fax: (fax: string) => fill(m.appealRights.fax, { fax }),
      mail: (plan: string) => fill(m.appealRights.mail, { plan }),
      mailProvider: (plan: string) => fill(m.appealRights.mailProvider, { plan }),
      mailTo: (address: string) => fill(m.appealRights.mailTo, { address }),
      phone: (phone: string) => fill(m.appealRights.phone, { phone }),
      include: m.appealRights.include,
      includeProvider: m.appealRights.includeProvider,
      nextHeading: m.appealRights.nextHeading,
      nextHeadingAfterAppeal: m.appealRights.nextHeadingAfterAppeal,
    },
    nextLevel: {
      dmhcImr: {
        afterDetermination: m.nextLevel.dmhcImr.afterDetermination,
        afterAppeal: (deadline: string) => fillAll(m.nextLevel.dmhcImr.afterAppeal, { deadline }),
        statement: (planPhone: string) => fill(m.nextLevel.dmhcImr.statement, { planPhone }),
      },
      stateFairHearing: {
        afterDetermination: m.nextLevel.stateFairHearing.afterDetermination,
        afterAppeal: (deadline: string) => fillAll(m.nextLevel.stateFairHearing.afterAppeal, { deadline }),
      },
      partDIre: {
        afterDetermination: m.nextLevel.partDIre.afterDetermination,
        afterAppeal: (deadline: string) => fillAll(m.nextLevel.partDIre.afterAppeal, { deadline }),
      },
      other: (text: string) => fill(m.nextLevel.other, { text }),
    },
    appealForm: {
      title: m.appealForm.title,
      intro: (deadline: string) => fill(m.appealForm.intro, { deadline }),
      aboutHeading: m.appealForm.aboutHeading,
      whoHeading: m.appealForm.whoHeading,
      whoMember: m.appealForm.whoMember,
      whoPrescriber: m.appealForm.whoPrescriber,
      whoRepresentative: m.appealForm.whoRepresentative,
      representative: m.appealForm.representative,
      representativeMedicare: m.appealForm.representativeMedicare,
      contactPhone: m.appealForm.contactPhone,
      whyHeading: m.appealForm.whyHeading,
      why: m.appealForm.why,
      fastHeading: m.appealForm.fastHeading,
      fast: (standard: string, fast: string) => fill(m.appealForm.fast, { standard, fast }),
      signatureHeading: m.appealForm.signatureHeading,
      signature: m.appealForm.signature,
      date: m.appealForm.date,
      sendHeading: m.appealForm.sendHeading,
    },
    languageAssistance: {
      title: m.languageAssistance.title,
      taglinesHeading: m.languageAssistance.taglinesHeading,
      nondiscriminationHeading: m.languageAssistance.nondiscriminationHeading,
      nondiscrimination: (plan: string, phone: string) =>
        fillAll(m.languageAssistance.nondiscrimination, { plan, phone }),
      otherLanguageNotice: m.languageAssistance.otherLanguageNotice,
    },
    englishAttached: m.englishAttached,
    englishCopy: (language: string) => fill(m.englishCopy, { language }),
  };
}

export type LetterStrings = ReturnType<typeof bindLetterStrings>;

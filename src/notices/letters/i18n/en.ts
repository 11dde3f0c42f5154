import type { ReviewClock } from '../../../plans/plan-policy.js';

/**
 * English letter text. Member sentences are short and use everyday words (aim: 6th–8th grade
 * reading level); prescriber text may use clinical terms. `es.ts` must have every key (its type
 * is `LetterStrings`). Values that vary come in as already formatted strings.
 */
const dmhcStatement = (planPhone: string) =>
  // California Health and Safety Code §1368.02(b): this statement must appear in the plan's
  // grievance and appeal notices, with the plan's telephone number.
  'The California Department of Managed Health Care is responsible for regulating health care service plans. If you have a grievance ' +
  `against your health plan, you should first telephone your health plan at ${planPhone} and use your health plan's grievance process ` +
  'before contacting the department. Utilizing this grievance procedure does not prohibit any potential legal rights or remedies that may ' +
  'be available to you. If you need help with a grievance involving an emergency, a grievance that has not been satisfactorily resolved by ' +
  'your health plan, or a grievance that has remained unresolved for more than 30 days, you may call the department for assistance. You may ' +
  'also be eligible for an Independent Medical Review (IMR). If you are eligible for IMR, the IMR process will provide an impartial review of ' +
  'medical decisions made by a health plan related to the medical necessity of a proposed service or treatment, coverage decisions for ' +
  'treatments that are experimental or investigational in nature and payment disputes for emergency or urgent medical services. The ' +
  'department also has a toll-free telephone number (1-888-466-2219) and a TDD line (1-877-688-9891) for the hearing and speech impaired. ' +
  "The department's internet website www.dmhc.ca.gov has complaint forms, IMR application forms and instructions online.";

export const en = {
  locale: 'en-US',
  pdfLang: 'en-US',

  // ---- small words and units -------------------------------------------------------------------
  clock: (c: ReviewClock): string =>
    `${c.amount} ${c.unit === 'hours' ? (c.amount === 1 ? 'hour' : 'hours') : c.unit === 'business-days' ? (c.amount === 1 ? 'business day' : 'business days') : c.amount === 1 ? 'day' : 'days'}`,
  dateAtTime: (date: string, time: string) => `${date} at ${time}`,
  amountPerDays: (units: string, days: number) => `${units} units every ${days} days`,
  amountForDays: (units: string, days: number) => `${units} units for ${days} days`,
  asPrescribedWithinLimits: "As prescribed, within the plan's quantity limits",
  period: (from: string, to: string) => `${from} through ${to}`,
  urgencyName: (urgency: string): string => (urgency === 'urgent' ? 'fast (expedited)' : 'standard'),
  filedByName: (who: string): string =>
    who === 'member' ? 'the member' : who === 'prescriber' ? 'the prescriber' : 'a representative',
  reviewerRole: (role: string | null): string =>
    role === 'reviewer-physician' ? 'physician' : role === 'reviewer-pharmacist' ? 'pharmacist' : 'clinical reviewer',

  // ---- letterhead, reference block, greeting, closing -----------------------------------------
  letterhead: {
    handledBy: (who: string) => `Prior authorization handled by ${who}`,
    memberServices: (phone: string) => `Member services: ${phone} (TTY 711)`,
    paPhone: (phone: string) => `Prior authorization phone: ${phone}`,
    paFax: (fax: string) => `Prior authorization fax: ${fax}`,
  },
  labels: {
    member: 'Member',
    patient: 'Patient',
    memberId: 'Member ID',
    dateOfBirth: 'Date of birth',
    drug: 'Drug',
    requestNumber: 'Request number',
    appealNumber: 'Appeal number',
    plan: 'Plan',
    prescriber: 'Prescriber',
    npi: 'NPI',
    fax: 'Fax',
    phone: 'Phone',
    received: 'Request received',
    appealReceived: 'Appeal received',
    noticeDate: 'Date of the notice',
    authorizationNumber: 'Authorization number',
    approvedPeriod: 'Approved for',
    approvedAmount: 'Approved amount',
    requestedAmount: 'Amount requested',
    covers: 'Covers',
    decidedOn: 'Decision date',
    reviewer: 'Reviewer',
    criteriaUsed: 'Coverage criteria used',
    sendBy: 'Send by',
    dueBy: 'Decision due by',
  },
  greeting: {
    person: (name: string) => `Dear ${name}:`,
    pharmacy: 'Dear pharmacist:',
  },
  closing: (plan: string) => ['Sincerely,', plan, 'Pharmacy Services'],
  questions: {
    heading: 'Questions?',
    member: (phone: string) =>
      `Call member services at ${phone} (TTY 711). The call is free. We can help you in your language.`,
    provider: (phone: string) => `Call prior authorization at ${phone}. Please have the request number ready.`,
  },
  footer: (noticeId: string) => `Notice ${noticeId}`,
  pageWords: { page: 'Page', of: 'of' },
  printedNotOnFile: '(not on file)',

  // ---- who decided --------------------------------------------------------------------------------
  decision: {
    automated: "This approval was made automatically: the request met all of the plan's coverage rules.",
    reviewedByMember: (name: string, role: string) => `A ${role} reviewed your request: ${name}.`,
    reviewedByProvider: (name: string, role: string) => `Reviewed by ${name} (${role}).`,
    peerToPeer: (phone: string) => `To discuss this decision with the reviewer (peer-to-peer), call ${phone}.`,
  },

  // ---- approval-type letters ------------------------------------------------------------------------
  approval: {
    title: { member: 'Your drug is approved', provider: 'Prior authorization approved' },
    member: {
      intro: (drug: string) => `Good news. We approved your request for ${drug}.`,
      askedBy: (prescriber: string) => `Your prescriber, ${prescriber}, asked us to cover this drug for you.`,
      covers: (scope: string) => `The approval covers ${scope}, in any strength.`,
      pharmacy:
        'Your pharmacy can fill this drug now. If the pharmacy has a question, give them the authorization number above.',
      renew: (to: string, days: number) =>
        `This approval ends on ${to}. To keep getting this drug after that, ask your prescriber to send a renewal request. They can send it up to ${days} days before the end date.`,
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `The prior authorization request for ${drug} for your patient ${patient} is approved.`,
      claims: (scope: string, to: string) =>
        `Pharmacy claims for ${scope} (every strength) will pay under this authorization through ${to}, within the approved amount.`,
      renew: (days: number) =>
        `A renewal request can be sent from ${days} days before the end date; link it to this authorization number.`,
    },
  },
  partialApproval: {
    title: { member: 'Your drug is approved in part', provider: 'Prior authorization partially approved' },
    member: {
      intro: (drug: string) =>
        `We approved part of your request for ${drug}. We did not approve all of what was asked for.`,
      whyHeading: 'Why we did not approve all of it',
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `The prior authorization request for ${drug} for your patient ${patient} is approved in part, for less than was requested.`,
      whyHeading: 'Reasons for the partial approval',
    },
  },
  deemedApproval: {
    title: { member: 'Your drug is approved', provider: 'Prior authorization approved: decision time limit passed' },
    member: {
      intro: (drug: string) =>
        `We did not make a decision on your request for ${drug} in the time the law allows. Because of this, your request is approved.`,
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `No decision was made on the request for ${drug} for your patient ${patient} within the required time, so the request is deemed approved.`,
    },
    // California Health and Safety Code §1367.241: a request not answered in time is deemed granted.
    californiaLaw: 'California Health and Safety Code section 1367.241.',
  },

  // ---- adverse decisions -------------------------------------------------------------------------------
  denial: {
    title: { member: 'We denied your request for drug coverage', provider: 'Prior authorization denied' },
    member: {
      intro: (drug: string, prescriber: string) =>
        `Your prescriber, ${prescriber}, asked us to cover ${drug} for you. We reviewed the request. We cannot approve it.`,
      whyHeading: 'Why we said no',
      reviewerWrote: 'What the reviewer wrote',
      rulesHeading: (title: string) => `Our rules for this drug (${title}) that were not met`,
      copyOfRules: (phone: string) =>
        `You can ask for a free copy of the rules and the records we used to make this decision. Call ${phone} (TTY 711).`,
      notTheEnd:
        'You can still get this drug if you pay for it yourself. You can also ask your prescriber about other drugs that the plan covers.',
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `The prior authorization request for ${drug} for your patient ${patient} is denied.`,
      whyHeading: 'Reasons for the denial',
      criteriaHeading: (title: string) => `Criteria not met (${title})`,
      alternatives:
        'Consider a covered alternative, or send a new request with documentation that the criteria are met.',
    },
  },
  closure: {
    title: {
      member: 'We closed your request',
      provider: 'Prior authorization request closed: information not received',
    },
    member: {
      intro: (drug: string) =>
        `Your prescriber asked us to cover ${drug} for you. We needed more information from your prescriber to decide. We did not get it in time, so we closed the request without a decision.`,
      whatNow: 'What you can do',
      options: [
        'Ask your prescriber to send a new request with the information.',
        'Or ask us for an appeal (see below).',
      ],
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `The prior authorization request for ${drug} for your patient ${patient} is closed: the information we requested was not received by the due date.`,
      whyHeading: 'Reason',
      resubmit:
        "You may send a new request with the requested information at any time, or appeal on the patient's behalf.",
    },
  },

  // ---- information requests ---------------------------------------------------------------------------
  informationRequest: {
    title: { member: 'We asked your prescriber for more information', provider: 'Request for additional information' },
    incompleteTitle: {
      member: 'We asked your prescriber for more information',
      provider: 'Incomplete request: information needed',
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `To decide the prior authorization request for ${drug} for your patient ${patient}, we need the following:`,
      incompleteIntro: (drug: string, patient: string) =>
        `The prior authorization request for ${drug} for your patient ${patient} is missing information we need to review it:`,
      question: (q: string) => `Question: ${q}`,
      document: (d: string) => `Document: ${d}`,
      reviewerNote: (note: string) => `Reviewer's note: ${note}`,
      sendBy: (when: string) => `Please send it by ${when}.`,
      sequence: (n: number, max: number) => `This is information request ${n} of at most ${max} for this case.`,
      ifLate:
        'If we do not receive it by then, the reviewer will decide with the information on file or ask once more.',
      ifLateLast:
        'If we do not receive it by then, the request will be closed without a decision. You can then send a new request.',
      howHeading: 'How to send the information',
      portal: 'Provider portal: open the request and answer there.',
      fax: (fax: string) => `Fax: ${fax}. Put the request number on every page.`,
      phone: (phone: string) => `Phone: ${phone}.`,
    },
    member: {
      intro: (drug: string) =>
        `We are reviewing the request to cover ${drug} for you. We need more information from your prescriber, and we asked them for it.`,
      items: 'We asked for:',
      due: (when: string) =>
        `Your prescriber needs to send it by ${when}. You may want to call your prescriber's office to remind them.`,
    },
  },

  // ---- request acknowledgment (a faxed request keyed in by intake) -----------------------------------------
  acknowledgment: {
    title: {
      member: 'We received a request for your drug',
      provider: 'Prior authorization request received',
    },
    member: {
      intro: (drug: string, received: string) =>
        `Your prescriber asked us on ${received} to cover ${drug} for you. A clinical reviewer is looking at the request.`,
      due: (when: string) => `We will decide by ${when} and write to you.`,
      noDue: 'We will write to you when we decide.',
    },
    provider: {
      intro: (drug: string, patient: string, received: string) =>
        `We received your faxed prior authorization request for ${drug} for your patient ${patient} on ${received}. It is complete and is with a clinical reviewer.`,
      due: (when: string) =>
        `The decision is due by ${when}. Use the request number above when you call or fax about this request.`,
      noDue: 'Use the request number above when you call or fax about this request.',
    },
  },

  // ---- urgency reclassified ----------------------------------------------------------------------------
  reclassified: {
    title: {
      member: 'Your request will be reviewed on the standard timeline',
      provider: 'Expedited review not granted: reviewed as standard',
    },
    member: {
      intro: (drug: string) =>
        `Your prescriber asked for a fast (urgent) review of the request for ${drug}. A clinical reviewer decided that the request does not meet the rules for a fast review.`,
      reason: "The reviewer's reason",
      due: (when: string) => `We will review it on the standard timeline. We will decide by ${when}.`,
      noDue: 'We will review it on the standard timeline.',
      disagree: (phone: string) =>
        `If you do not agree, you can file a complaint (grievance). Call ${phone} (TTY 711). If your prescriber tells us that waiting could seriously harm your health, we will review your request fast.`,
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `The request for ${drug} for your patient ${patient} was submitted as expedited. The reviewer found it does not meet the expedited definition (serious jeopardy to the patient's life, health or ability to regain maximum function) and reclassified it as standard.`,
      reason: 'Reason',
      due: (when: string) => `The decision is now due by ${when}.`,
      noDue: 'The standard review clock starts when the request is complete.',
      disagree: (phone: string) =>
        `If you believe applying the standard timeframe could seriously jeopardize the patient, call ${phone} and say so.`,
    },
  },

  // ---- renewal reminder, PA needed, cancellation, escalation ----------------------------------------------
  renewal: {
    title: { member: 'Your drug approval ends soon', provider: 'Authorization ending: renewal reminder' },
    member: {
      intro: (drug: string, to: string) => `Your approval for ${drug} ends on ${to}.`,
      ask: 'To keep getting this drug after that date, ask your prescriber to send a renewal request now.',
    },
    provider: {
      intro: (drug: string, patient: string, to: string) =>
        `The authorization for ${drug} for your patient ${patient} ends on ${to}.`,
      ask: (number: string) =>
        `A renewal request can be sent now. Link it to authorization ${number} so coverage continues without a gap.`,
    },
  },
  paNeeded: {
    title: { member: 'Prior authorization is needed', provider: 'Prior authorization needed' },
    member: {
      intro: (drug: string) => `Your plan needs to approve ${drug} before it pays for it. We told your prescriber.`,
    },
    provider: {
      intro: (drug: string, patient: string, pharmacy: string) =>
        `${pharmacy} tried to fill ${drug} for your patient ${patient}. The plan requires prior authorization for this drug.`,
      opened: 'A request has been opened for you under the request number above. Please complete it.',
      howHeading: 'How to send the request',
      ways: {
        epa: 'Electronic prior authorization (ePA) from your e-prescribing system',
        portal: 'Provider portal',
        fax: (fax: string) => `Fax: ${fax}`,
        phone: (phone: string) => `Phone: ${phone}`,
      },
    },
  },
  cancellation: {
    title: { member: 'Your request was cancelled', provider: 'Prior authorization request cancelled' },
    member: {
      intro: (drug: string) =>
        `The request to cover ${drug} for you was cancelled. No decision was made. Your prescriber can send a new request at any time.`,
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `The prior authorization request for ${drug} for your patient ${patient} was cancelled without a decision.`,
    },
  },
  escalation: {
    title: { member: 'Your request is taking longer than it should', provider: 'Decision overdue: escalated' },
    member: {
      intro: (drug: string) =>
        `We have not yet decided the request for ${drug}. It is past the time we should have decided. A supervisor is now handling it.`,
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `The decision on the request for ${drug} for your patient ${patient} is overdue and has been escalated to the review supervisor.`,
    },
    // Medicare Part D, 42 CFR 423.568(h): a decision not made in time is an adverse decision that
    // the plan forwards to the Independent Review Entity, which decides instead.
    forwardedTitle: {
      member: 'We sent your request to an independent reviewer',
      provider: 'Decision overdue: forwarded to the Independent Review Entity',
    },
    forwarded: {
      member: {
        intro: (drug: string, due: string | null) =>
          `We did not decide your request for ${drug} in the time Medicare allows${due ? ` (by ${due})` : ''}.`,
        what: (to: string) =>
          `Medicare rules treat this as a denial. So we have sent your request to ${to}, an organization that is not part of our plan. It will review your request and decide.`,
        next: 'You do not need to do anything. The independent reviewer will write to you with its decision. You can send it more information through us.',
      },
      provider: {
        intro: (drug: string, patient: string, due: string | null) =>
          `No coverage determination was made on the request for ${drug} for your patient ${patient} within the Part D time frame${due ? ` (due ${due})` : ''}.`,
        what: (to: string) =>
          `Under 42 CFR 423.568(h) this is an adverse coverage determination, and the request has been forwarded to ${to} for reconsideration. The IRE may contact you for supporting information.`,
      },
    },
  },

  // ---- appeals ----------------------------------------------------------------------------------------------
  appealAcknowledgment: {
    title: { member: 'We received your appeal', provider: 'Appeal received' },
    member: {
      intro: (drug: string, received: string) => `We received the appeal about ${drug} on ${received}.`,
      kind: (urgency: string) => `This is a ${urgency} appeal.`,
      due: (when: string) => `We will send you our decision by ${when}.`,
      independent: 'A reviewer who did not make the first decision will look at your appeal.',
      more: 'You can send us more information that may help, like records or a letter from your prescriber. Put your appeal number on each page.',
      filedBy: (who: string) => `The appeal was filed by ${who}.`,
    },
    provider: {
      intro: (drug: string, patient: string, received: string) =>
        `We received an appeal of the decision on ${drug} for your patient ${patient} on ${received}.`,
      due: (urgency: string, when: string) =>
        `It is being reviewed as a ${urgency} appeal; the decision is due by ${when}.`,
      more: (fax: string | null) =>
        `Supporting documentation may be sent ${fax ? `by fax to ${fax} or ` : ''}through the provider portal, referencing the appeal number.`,
    },
  },
  appealDecision: {
    title: {
      overturned: { member: 'We approved your appeal', provider: 'Appeal decision: overturned (approved)' },
      partiallyOverturned: {
        member: 'We approved part of your appeal',
        provider: 'Appeal decision: partially overturned',
      },
      upheld: { member: 'We did not change our decision', provider: 'Appeal decision: denial upheld' },
    },
    member: {
      overturned: (drug: string) =>
        `We looked at your appeal about ${drug} again. We changed our decision. Your drug is now approved.`,
      partiallyOverturned: (drug: string) => `We looked at your appeal about ${drug} again. We approved part of it.`,
      upheld: (drug: string) =>
        `We looked at your appeal about ${drug} again. We did not change our decision. The drug is still not approved.`,
      whyHeading: 'Why',
    },
    provider: {
      overturned: (drug: string, patient: string) =>
        `On appeal, the prior authorization for ${drug} for your patient ${patient} is approved.`,
      partiallyOverturned: (drug: string, patient: string) =>
        `On appeal, the prior authorization for ${drug} for your patient ${patient} is approved in part.`,
      upheld: (drug: string, patient: string) =>
        `On appeal, the denial of ${drug} for your patient ${patient} is upheld.`,
      whyHeading: 'Reasons',
    },
  },

  // ---- appeal rights (adverse decisions) -----------------------------------------------------------------
  appealRights: {
    heading: 'Your right to appeal',
    providerHeading: 'Appeal rights',
    whatIsIt: (called: string) =>
      `If you do not agree with this decision, you can ask us to look at it again. This is called ${called}.`,
    appealWord: 'an appeal',
    redeterminationWord: 'an appeal (a "redetermination")',
    deadline: (date: string) => `You must ask for an appeal by ${date}.`,
    deadlineDays: (days: number) => `That is ${days} days from the date of this letter.`,
    who: 'You, your prescriber, or someone you choose to act for you can ask for the appeal.',
    review: (standard: string) =>
      `A reviewer who did not make this decision will look at your appeal. We will decide within ${standard}.`,
    fast: (standard: string, fast: string) =>
      `If waiting ${standard} could seriously harm your health, ask for a fast appeal. We will decide a fast appeal within ${fast}.`,
    providerSummary: (date: string, standard: string, fast: string) =>
      `The member, the prescriber on the member's behalf, or the member's representative may appeal by ${date}. Standard appeals are decided within ${standard}; expedited appeals within ${fast}, by a reviewer not involved in this decision.`,
    howHeading: 'How to appeal',
    portal: 'Online: sign in to the member portal and choose "Appeal". Prescribers: use the provider portal.',
    fax: (fax: string) => `By fax: send the appeal form to ${fax}.`,
    mail: (plan: string) =>
      `By mail: send the appeal form to ${plan}, Attention: Appeals, at the mailing address on your member ID card.`,
    mailProvider: (plan: string) =>
      `By mail: ${plan}, Attention: Appeals, at the mailing address on the member's ID card.`,
    mailTo: (address: string) => `By mail: send the appeal form to ${address}.`,
    phone: (phone: string) => `By phone: call ${phone} (TTY 711).`,
    include:
      'Use the appeal form at the end of this letter. Send any records or a letter from your prescriber that may help.',
    includeProvider: 'Use the appeal form at the end of this letter and attach supporting clinical documentation.',
    nextHeading: 'If we say no to your appeal',
    nextHeadingAfterAppeal: 'What you can do next',
  },

  // ---- the next level, by line of business -------------------------------------------------------------
  nextLevel: {
    // Knox-Keene plans (commercial, IHSS): DMHC Independent Medical Review (CA H&S §1374.30).
    dmhcImr: {
      afterDetermination: [
        'If you do not agree with our appeal decision, or if we do not decide your appeal within 30 days (3 days for a fast appeal), you can ask the California Department of Managed Health Care (DMHC) for an Independent Medical Review (IMR). Doctors who do not work for us review your case. An IMR is free.',
        'If your health is in serious and immediate danger, you can contact the DMHC right away. You do not have to wait for our appeal decision.',
      ],
      afterAppeal: (deadline: string) => [
        `You can ask the California Department of Managed Health Care (DMHC) for an Independent Medical Review (IMR). Doctors who do not work for us review your case. An IMR is free. Ask by ${deadline} (6 months from the date of this letter).`,
        'Call the DMHC at 1-888-466-2219 (TDD 1-877-688-9891) or apply at www.dmhc.ca.gov.',
      ],
      statement: dmhcStatement,
    },
    // Medi-Cal: State Fair Hearing after the plan's appeal, within 120 days (42 CFR 438.408(f)).
    stateFairHearing: {
      afterDetermination: [
        'If you do not agree with our appeal decision, or if we do not decide your appeal in time, you can ask for a State Fair Hearing. A judge from the California Department of Social Services (CDSS) will review your case. A hearing is free.',
        'You must ask for a hearing within 120 days of the date of our appeal decision letter. Call CDSS at 1-800-743-8525 (TTY 1-800-952-8349) or go to www.cdss.ca.gov.',
        'If you are in a Medi-Cal managed care plan, you can also ask the California Department of Managed Health Care for an Independent Medical Review: 1-888-466-2219 (TDD 1-877-688-9891).',
      ],
      afterAppeal: (deadline: string) => [
        `You can ask for a State Fair Hearing. A judge from the California Department of Social Services (CDSS) will review your case. A hearing is free. Ask by ${deadline} (120 days from the date of this letter).`,
        'Call CDSS at 1-800-743-8525 (TTY 1-800-952-8349) or go to www.cdss.ca.gov. You can have someone speak for you at the hearing, like a friend, a relative or a lawyer.',
        'If you are in a Medi-Cal managed care plan, you can also ask the California Department of Managed Health Care for an Independent Medical Review: 1-888-466-2219 (TDD 1-877-688-9891).',
      ],
    },
    // Medicare Part D: reconsideration by the Independent Review Entity, 65 days (42 CFR 423.600).
    partDIre: {
      afterDetermination: [
        'If we say no to your appeal (redetermination), you can ask for a review by the Independent Review Entity (IRE). The IRE does not work for us. You must ask within 65 days of the date of our appeal decision letter.',
        'If we do not decide your appeal in time, we must send your case to the IRE for you.',
        'For help with Medicare, call 1-800-MEDICARE (1-800-633-4227), TTY 1-877-486-2048.',
      ],
      afterAppeal: (deadline: string) => [
        `You can ask for a review (reconsideration) by the Independent Review Entity (IRE). The IRE does not work for us. Ask by ${deadline} (65 days from the date of this letter).`,
        'For help with Medicare, call 1-800-MEDICARE (1-800-633-4227), TTY 1-877-486-2048.',
      ],
    },
    other: (text: string) => `The next level of review is: ${text}.`,
  },

  // ---- appeal form page -----------------------------------------------------------------------------------
  appealForm: {
    title: 'Appeal request form',
    intro: (deadline: string) => `Use this form to ask us to look at our decision again. Send it by ${deadline}.`,
    aboutHeading: 'About the member',
    whoHeading: 'Who is asking for the appeal?',
    whoMember: 'The member',
    whoPrescriber: "The member's prescriber",
    whoRepresentative: 'Someone else acting for the member (representative)',
    representative: "Representative's name and relationship to the member:",
    representativeMedicare:
      'If a representative (not the prescriber) files, attach form CMS-1696 (Appointment of Representative) or a similar signed paper.',
    contactPhone: 'Phone number where we can reach you:',
    whyHeading: 'Why do you disagree with our decision?',
    why: 'Tell us in your own words. You can add pages, medical records or a letter from the prescriber.',
    fastHeading: 'Do you need a fast appeal?',
    fast: (standard: string, fast: string) =>
      `FAST APPEAL: Check this box if waiting ${standard} could seriously harm the member's life, health or ability to regain maximum function. We will decide within ${fast}.`,
    signatureHeading: 'Signature',
    signature: 'Signature',
    date: 'Date',
    sendHeading: 'Where to send this form',
  },

  // ---- language assistance and non-discrimination (member letters) ------------------------------------
  languageAssistance: {
    title: 'Language assistance and your rights',
    taglinesHeading: 'Help in your language',
    nondiscriminationHeading: 'Non-discrimination notice',
    // Section 1557 of the Affordable Care Act (42 U.S.C. 18116; 45 CFR 92.10–92.11).
    nondiscrimination: (plan: string, phone: string) => [
      `${plan} complies with applicable federal civil rights laws and does not discriminate on the basis of race, color, national origin, age, disability, or sex (Section 1557 of the Affordable Care Act). ${plan} does not exclude people or treat them differently because of these things.`,
      `We give free aids and services to people with disabilities, such as qualified sign language interpreters and written information in other formats (large print, audio, accessible electronic formats). We give free language services to people whose first language is not English, such as qualified interpreters and information written in other languages. To get these services, call ${phone} (TTY 711).`,
      `If you believe we did not provide these services or treated you unfairly in another way, you can file a grievance with us: call ${phone} (TTY 711). You can also file a civil rights complaint with the U.S. Department of Health and Human Services, Office for Civil Rights, at ocrportal.hhs.gov, or call 1-800-368-1019 (TDD 1-800-537-7697).`,
    ],
    otherLanguageNotice:
      'This letter is in English because we do not yet write letters in your language. Free help in your language:',
  },
};

export type LetterStrings = typeof en;

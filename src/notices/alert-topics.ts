export const ALERT_CHANNELS = ['email', 'text', 'portal'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];
export type AlertTopic = 'decision' | 'information-request';

/** Which member notices are news a member may ask to be alerted about, and under which topic. */
export function alertTopicOf(kind: string): AlertTopic | null {
  switch (kind) {
    case 'approval':
    case 'partial-approval':
    case 'denial':
    case 'deemed-approval':
    case 'closure-no-response':
    case 'appeal-decision':
      return 'decision';
    case 'information-request':
    case 'incomplete-request':
      return 'information-request';
    default:
      return null;
  }
}

/** Without a stored choice a member is alerted in the portal only (nothing leaves the plan unasked). */
export const DEFAULT_PREFERENCES: { decisions: AlertChannel[]; informationRequests: AlertChannel[] } = {
  decisions: ['portal'],
  informationRequests: ['portal'],
};

/**
 * The words of an alert. They name no drug, diagnosis or decision: e-mail and text messages are not
 * a secure channel, so they say only that there is news and where to read it (HIPAA minimum
 * necessary, 45 CFR 164.502(b)); the portal and the letter carry the details.
 */
export function alertText(topic: AlertTopic, language: string): { subject: string; text: string } {
  const es = language === 'es';
  if (topic === 'decision')
    return es
      ? {
          subject: 'Hay una decisión sobre su solicitud de autorización previa',
          text: 'Su plan de salud tomó una decisión sobre una solicitud de autorización previa. Inicie sesión en el portal para afiliados para leerla.',
        }
      : {
          subject: 'A decision was made on your prior authorization request',
          text: 'Your health plan made a decision on a prior authorization request. Sign in to your member portal to read it.',
        };
  return es
    ? {
        subject: 'Su plan pidió más información',
        text: 'Su plan de salud pidió más información a su médico sobre una solicitud de autorización previa. Inicie sesión en el portal para afiliados para ver los detalles.',
      }
    : {
        subject: 'Your plan asked for more information',
        text: "Your health plan asked your prescriber for more information on a prior authorization request. Sign in to your member portal to see what's needed.",
      };
}

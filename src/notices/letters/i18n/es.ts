import type { ReviewClock } from '../../../plans/plan-policy.js';
import type { LetterStrings } from './en.js';

/**
 * Spanish letter text: the same keys as en.ts (the `LetterStrings` type makes a missing or extra
 * key a compile error). Plain, everyday Spanish for members ("usted"); agency names keep their
 * English names with a Spanish description, as the agencies themselves do.
 */
const dmhcStatement = (planPhone: string) =>
  // Código de Salud y Seguridad de California §1368.02(b).
  'El Departamento de Atención Médica Administrada de California (California Department of Managed Health Care) es responsable de ' +
  'regular los planes de servicios de atención médica. Si tiene una queja contra su plan de salud, primero debe llamar por teléfono a su ' +
  `plan de salud al ${planPhone} y usar el proceso de quejas de su plan de salud antes de comunicarse con el departamento. El uso de este ` +
  'procedimiento de quejas no prohíbe ningún derecho o recurso legal que pueda estar a su disposición. Si necesita ayuda con una queja ' +
  'relacionada con una emergencia, una queja que su plan de salud no haya resuelto de manera satisfactoria o una queja que no se haya ' +
  'resuelto en más de 30 días, puede llamar al departamento para obtener ayuda. También puede ser elegible para una Revisión Médica ' +
  'Independiente (IMR). Si es elegible para una IMR, el proceso de IMR ofrecerá una revisión imparcial de las decisiones médicas tomadas ' +
  'por un plan de salud relacionadas con la necesidad médica de un servicio o tratamiento propuesto, las decisiones de cobertura de ' +
  'tratamientos de naturaleza experimental o en investigación y las disputas de pago por servicios médicos de emergencia o de urgencia. ' +
  'El departamento también tiene un número de teléfono gratuito (1-888-466-2219) y una línea TDD (1-877-688-9891) para las personas con ' +
  'problemas de audición y del habla. El sitio web del departamento, www.dmhc.ca.gov, tiene formularios de quejas, formularios de ' +
  'solicitud de IMR e instrucciones en línea.';

export const es: LetterStrings = {
  locale: 'es-US',
  pdfLang: 'es-US',

  clock: (c: ReviewClock) =>
    `${c.amount} ${c.unit === 'hours' ? (c.amount === 1 ? 'hora' : 'horas') : c.unit === 'business-days' ? (c.amount === 1 ? 'día hábil' : 'días hábiles') : c.amount === 1 ? 'día' : 'días'}`,
  dateAtTime: (date: string, time: string) => `${date} a las ${time}`,
  amountPerDays: (units: string, days: number) => `${units} unidades cada ${days} días`,
  amountForDays: (units: string, days: number) => `${units} unidades para ${days} días`,
  asPrescribedWithinLimits: 'Según la receta, dentro de los límites de cantidad del plan',
  period: (from: string, to: string) => `del ${from} al ${to}`,
  urgencyName: (urgency: string) => (urgency === 'urgent' ? 'rápida (acelerada)' : 'estándar'),
  filedByName: (who: string) =>
    who === 'member' ? 'el miembro' : who === 'prescriber' ? 'el médico que recetó' : 'un representante',
  reviewerRole: (role: string | null) =>
    role === 'reviewer-physician' ? 'médico' : role === 'reviewer-pharmacist' ? 'farmacéutico' : 'revisor clínico',

  letterhead: {
    handledBy: (who: string) => `Autorización previa a cargo de ${who}`,
    memberServices: (phone: string) => `Servicios para miembros: ${phone} (TTY 711)`,
    paPhone: (phone: string) => `Teléfono de autorización previa: ${phone}`,
    paFax: (fax: string) => `Fax de autorización previa: ${fax}`,
  },
  labels: {
    member: 'Miembro',
    patient: 'Paciente',
    memberId: 'Número de miembro',
    dateOfBirth: 'Fecha de nacimiento',
    drug: 'Medicamento',
    requestNumber: 'Número de solicitud',
    appealNumber: 'Número de apelación',
    plan: 'Plan',
    prescriber: 'Médico que recetó',
    npi: 'NPI',
    fax: 'Fax',
    phone: 'Teléfono',
    received: 'Solicitud recibida',
    appealReceived: 'Apelación recibida',
    noticeDate: 'Fecha del aviso',
    authorizationNumber: 'Número de autorización',
    approvedPeriod: 'Aprobado',
    approvedAmount: 'Cantidad aprobada',
    requestedAmount: 'Cantidad pedida',
    covers: 'Cubre',
    decidedOn: 'Fecha de la decisión',
    reviewer: 'Revisor',
    criteriaUsed: 'Criterios de cobertura usados',
    sendBy: 'Enviar a más tardar',
    dueBy: 'Decisión a más tardar',
  },
  greeting: {
    person: (name: string) => `Estimado(a) ${name}:`,
    pharmacy: 'Estimado(a) farmacéutico(a):',
  },
  closing: (plan: string) => ['Atentamente,', plan, 'Servicios de Farmacia'],
  questions: {
    heading: '¿Preguntas?',
    member: (phone: string) =>
      `Llame a Servicios para miembros al ${phone} (TTY 711). La llamada es gratis. Le podemos ayudar en español.`,
    provider: (phone: string) => `Llame a autorización previa al ${phone}. Tenga a mano el número de solicitud.`,
  },
  footer: (noticeId: string) => `Aviso ${noticeId}`,
  pageWords: { page: 'Página', of: 'de' },
  printedNotOnFile: '(no registrado)',

  decision: {
    automated:
      'Esta aprobación se hizo de forma automática: la solicitud cumplió con todas las reglas de cobertura del plan.',
    reviewedByMember: (name: string, role: string) => `Un ${role} revisó su solicitud: ${name}.`,
    reviewedByProvider: (name: string, role: string) => `Revisado por ${name} (${role}).`,
    peerToPeer: (phone: string) =>
      `Para hablar de esta decisión con el revisor (de médico a médico), llame al ${phone}.`,
  },

  approval: {
    title: { member: 'Su medicamento está aprobado', provider: 'Autorización previa aprobada' },
    member: {
      intro: (drug: string) => `Buenas noticias. Aprobamos su solicitud de ${drug}.`,
      askedBy: (prescriber: string) => `Su médico, ${prescriber}, nos pidió cubrir este medicamento para usted.`,
      covers: (scope: string) => `La aprobación cubre ${scope}, en cualquier concentración.`,
      pharmacy:
        'Su farmacia puede surtir este medicamento ahora. Si la farmacia tiene preguntas, déles el número de autorización de arriba.',
      renew: (to: string, days: number) =>
        `Esta aprobación termina el ${to}. Para seguir recibiendo este medicamento después, pida a su médico que envíe una solicitud de renovación. Puede enviarla hasta ${days} días antes de la fecha final.`,
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `La solicitud de autorización previa de ${drug} para su paciente ${patient} está aprobada.`,
      claims: (scope: string, to: string) =>
        `Las reclamaciones de farmacia de ${scope} (todas las concentraciones) se pagarán con esta autorización hasta el ${to}, dentro de la cantidad aprobada.`,
      renew: (days: number) =>
        `Se puede enviar una solicitud de renovación desde ${days} días antes de la fecha final; vincúlela a este número de autorización.`,
    },
  },
  partialApproval: {
    title: { member: 'Su medicamento está aprobado en parte', provider: 'Autorización previa aprobada en parte' },
    member: {
      intro: (drug: string) => `Aprobamos una parte de su solicitud de ${drug}. No aprobamos todo lo que se pidió.`,
      whyHeading: 'Por qué no aprobamos todo',
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `La solicitud de autorización previa de ${drug} para su paciente ${patient} está aprobada en parte, por menos de lo solicitado.`,
      whyHeading: 'Motivos de la aprobación parcial',
    },
  },
  deemedApproval: {
    title: {
      member: 'Su medicamento está aprobado',
      provider: 'Autorización previa aprobada: venció el plazo de decisión',
    },
    member: {
      intro: (drug: string) =>
        `No tomamos una decisión sobre su solicitud de ${drug} en el tiempo que permite la ley. Por eso, su solicitud está aprobada.`,
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `No se tomó una decisión sobre la solicitud de ${drug} para su paciente ${patient} dentro del plazo requerido, por lo que la solicitud se considera aprobada.`,
    },
    californiaLaw: 'Código de Salud y Seguridad de California, sección 1367.241.',
  },

  denial: {
    title: { member: 'Negamos su solicitud de cobertura de un medicamento', provider: 'Autorización previa negada' },
    member: {
      intro: (drug: string, prescriber: string) =>
        `Su médico, ${prescriber}, nos pidió cubrir ${drug} para usted. Revisamos la solicitud. No la podemos aprobar.`,
      whyHeading: 'Por qué dijimos que no',
      reviewerWrote: 'Lo que escribió el revisor (en inglés)',
      rulesHeading: (title: string) => `Nuestras reglas para este medicamento (${title}) que no se cumplieron`,
      copyOfRules: (phone: string) =>
        `Puede pedir gratis una copia de las reglas y de los documentos que usamos para tomar esta decisión. Llame al ${phone} (TTY 711).`,
      notTheEnd:
        'Todavía puede obtener este medicamento si lo paga usted mismo. También puede preguntar a su médico por otros medicamentos que el plan cubre.',
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `La solicitud de autorización previa de ${drug} para su paciente ${patient} está negada.`,
      whyHeading: 'Motivos de la negación',
      criteriaHeading: (title: string) => `Criterios no cumplidos (${title})`,
      alternatives:
        'Considere una alternativa cubierta, o envíe una nueva solicitud con documentos que muestren que se cumplen los criterios.',
    },
  },
  closure: {
    title: {
      member: 'Cerramos su solicitud',
      provider: 'Solicitud de autorización previa cerrada: no se recibió la información',
    },
    member: {
      intro: (drug: string) =>
        `Su médico nos pidió cubrir ${drug} para usted. Necesitábamos más información de su médico para decidir. No la recibimos a tiempo, así que cerramos la solicitud sin una decisión.`,
      whatNow: 'Lo que puede hacer',
      options: [
        'Pida a su médico que envíe una nueva solicitud con la información.',
        'O pídanos una apelación (vea abajo).',
      ],
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `La solicitud de autorización previa de ${drug} para su paciente ${patient} está cerrada: la información que pedimos no se recibió a tiempo.`,
      whyHeading: 'Motivo',
      resubmit:
        'Puede enviar una nueva solicitud con la información pedida en cualquier momento, o apelar en nombre del paciente.',
    },
  },

  informationRequest: {
    title: { member: 'Pedimos más información a su médico', provider: 'Solicitud de información adicional' },
    incompleteTitle: {
      member: 'Pedimos más información a su médico',
      provider: 'Solicitud incompleta: se necesita información',
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `Para decidir la solicitud de autorización previa de ${drug} para su paciente ${patient}, necesitamos lo siguiente:`,
      incompleteIntro: (drug: string, patient: string) =>
        `A la solicitud de autorización previa de ${drug} para su paciente ${patient} le falta información que necesitamos para revisarla:`,
      question: (q: string) => `Pregunta: ${q}`,
      document: (d: string) => `Documento: ${d}`,
      reviewerNote: (note: string) => `Nota del revisor: ${note}`,
      sendBy: (when: string) => `Envíela a más tardar el ${when}.`,
      sequence: (n: number, max: number) =>
        `Esta es la solicitud de información ${n} de un máximo de ${max} para este caso.`,
      ifLate:
        'Si no la recibimos para esa fecha, el revisor decidirá con la información que tenemos o la pedirá una vez más.',
      ifLateLast:
        'Si no la recibimos para esa fecha, la solicitud se cerrará sin una decisión. Después podrá enviar una nueva solicitud.',
      howHeading: 'Cómo enviar la información',
      portal: 'Portal para proveedores: abra la solicitud y responda allí.',
      fax: (fax: string) => `Fax: ${fax}. Escriba el número de solicitud en cada página.`,
      phone: (phone: string) => `Teléfono: ${phone}.`,
    },
    member: {
      intro: (drug: string) =>
        `Estamos revisando la solicitud para cubrir ${drug} para usted. Necesitamos más información de su médico y se la pedimos.`,
      items: 'Le pedimos:',
      due: (when: string) =>
        `Su médico debe enviarla a más tardar el ${when}. Puede llamar al consultorio de su médico para recordárselo.`,
    },
  },

  acknowledgment: {
    title: {
      member: 'Recibimos una solicitud para su medicamento',
      provider: 'Solicitud de autorización previa recibida',
    },
    member: {
      intro: (drug: string, received: string) =>
        `Su médico nos pidió el ${received} que cubramos ${drug} para usted. Un revisor clínico está revisando la solicitud.`,
      due: (when: string) => `Decidiremos a más tardar el ${when} y le escribiremos.`,
      noDue: 'Le escribiremos cuando decidamos.',
    },
    provider: {
      intro: (drug: string, patient: string, received: string) =>
        `Recibimos por fax su solicitud de autorización previa de ${drug} para su paciente ${patient} el ${received}. Está completa y la tiene un revisor clínico.`,
      due: (when: string) =>
        `La decisión vence el ${when}. Use el número de solicitud de arriba cuando llame o envíe un fax sobre esta solicitud.`,
      noDue: 'Use el número de solicitud de arriba cuando llame o envíe un fax sobre esta solicitud.',
    },
  },

  reclassified: {
    title: {
      member: 'Revisaremos su solicitud en el plazo estándar',
      provider: 'Revisión acelerada no otorgada: se revisa como estándar',
    },
    member: {
      intro: (drug: string) =>
        `Su médico pidió una revisión rápida (urgente) de la solicitud de ${drug}. Un revisor clínico decidió que la solicitud no cumple las reglas para una revisión rápida.`,
      reason: 'El motivo del revisor (en inglés)',
      due: (when: string) => `La revisaremos en el plazo estándar. Decidiremos a más tardar el ${when}.`,
      noDue: 'La revisaremos en el plazo estándar.',
      disagree: (phone: string) =>
        `Si no está de acuerdo, puede presentar una queja. Llame al ${phone} (TTY 711). Si su médico nos dice que esperar podría dañar gravemente su salud, revisaremos su solicitud rápido.`,
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `La solicitud de ${drug} para su paciente ${patient} se envió como acelerada. El revisor determinó que no cumple la definición de acelerada (riesgo grave para la vida, la salud o la capacidad del paciente de recuperar su función máxima) y la reclasificó como estándar.`,
      reason: 'Motivo',
      due: (when: string) => `La decisión vence ahora el ${when}.`,
      noDue: 'El plazo estándar comienza cuando la solicitud esté completa.',
      disagree: (phone: string) =>
        `Si cree que aplicar el plazo estándar podría poner en grave riesgo al paciente, llame al ${phone} e infórmenos.`,
    },
  },

  renewal: {
    title: {
      member: 'La aprobación de su medicamento termina pronto',
      provider: 'Autorización por terminar: aviso de renovación',
    },
    member: {
      intro: (drug: string, to: string) => `Su aprobación de ${drug} termina el ${to}.`,
      ask: 'Para seguir recibiendo este medicamento después de esa fecha, pida a su médico que envíe ahora una solicitud de renovación.',
    },
    provider: {
      intro: (drug: string, patient: string, to: string) =>
        `La autorización de ${drug} para su paciente ${patient} termina el ${to}.`,
      ask: (number: string) =>
        `Ya se puede enviar una solicitud de renovación. Vincúlela a la autorización ${number} para que la cobertura continúe sin interrupción.`,
    },
  },
  paNeeded: {
    title: { member: 'Se necesita autorización previa', provider: 'Se necesita autorización previa' },
    member: {
      intro: (drug: string) => `Su plan debe aprobar ${drug} antes de pagarlo. Se lo informamos a su médico.`,
    },
    provider: {
      intro: (drug: string, patient: string, pharmacy: string) =>
        `${pharmacy} intentó surtir ${drug} para su paciente ${patient}. El plan exige autorización previa para este medicamento.`,
      opened: 'Se abrió una solicitud para usted con el número de solicitud de arriba. Por favor, complétela.',
      howHeading: 'Cómo enviar la solicitud',
      ways: {
        epa: 'Autorización previa electrónica (ePA) desde su sistema de recetas electrónicas',
        portal: 'Portal para proveedores',
        fax: (fax: string) => `Fax: ${fax}`,
        phone: (phone: string) => `Teléfono: ${phone}`,
      },
    },
  },
  cancellation: {
    title: { member: 'Su solicitud fue cancelada', provider: 'Solicitud de autorización previa cancelada' },
    member: {
      intro: (drug: string) =>
        `La solicitud para cubrir ${drug} para usted fue cancelada. No se tomó una decisión. Su médico puede enviar una nueva solicitud en cualquier momento.`,
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `La solicitud de autorización previa de ${drug} para su paciente ${patient} fue cancelada sin una decisión.`,
    },
  },
  escalation: {
    title: { member: 'Su solicitud está tardando más de lo debido', provider: 'Decisión vencida: escalada' },
    member: {
      intro: (drug: string) =>
        `Todavía no hemos decidido la solicitud de ${drug}. Ya pasó el tiempo en que debimos decidir. Ahora la atiende un supervisor.`,
    },
    provider: {
      intro: (drug: string, patient: string) =>
        `La decisión sobre la solicitud de ${drug} para su paciente ${patient} está vencida y se escaló al supervisor de revisión.`,
    },
    forwardedTitle: {
      member: 'Enviamos su solicitud a un revisor independiente',
      provider: 'Decisión vencida: enviada a la Entidad de Revisión Independiente',
    },
    forwarded: {
      member: {
        intro: (drug: string, due: string | null) =>
          `No decidimos su solicitud de ${drug} en el tiempo que permite Medicare${due ? ` (a más tardar el ${due})` : ''}.`,
        what: (to: string) =>
          `Las reglas de Medicare consideran esto como una negación. Por eso enviamos su solicitud a ${to}, una organización que no es parte de nuestro plan. Esa organización revisará su solicitud y decidirá.`,
        next: 'No necesita hacer nada. El revisor independiente le escribirá con su decisión. Puede enviarle más información a través de nosotros.',
      },
      provider: {
        intro: (drug: string, patient: string, due: string | null) =>
          `No se tomó una determinación de cobertura sobre la solicitud de ${drug} para su paciente ${patient} dentro del plazo de la Parte D${due ? ` (vencía el ${due})` : ''}.`,
        what: (to: string) =>
          `Según 42 CFR 423.568(h), esto es una determinación de cobertura adversa y la solicitud se envió a ${to} para su reconsideración. La IRE puede comunicarse con usted para pedir información.`,
      },
    },
  },

  appealAcknowledgment: {
    title: { member: 'Recibimos su apelación', provider: 'Apelación recibida' },
    member: {
      intro: (drug: string, received: string) => `Recibimos la apelación sobre ${drug} el ${received}.`,
      kind: (urgency: string) => `Es una apelación ${urgency}.`,
      due: (when: string) => `Le enviaremos nuestra decisión a más tardar el ${when}.`,
      independent: 'Un revisor que no tomó la primera decisión revisará su apelación.',
      more: 'Puede enviarnos más información que pueda ayudar, como registros médicos o una carta de su médico. Escriba su número de apelación en cada página.',
      filedBy: (who: string) => `La apelación la presentó ${who}.`,
    },
    provider: {
      intro: (drug: string, patient: string, received: string) =>
        `Recibimos una apelación de la decisión sobre ${drug} para su paciente ${patient} el ${received}.`,
      due: (urgency: string, when: string) => `Se revisa como apelación ${urgency}; la decisión vence el ${when}.`,
      more: (fax: string | null) =>
        `Puede enviar documentos de apoyo ${fax ? `por fax al ${fax} o ` : ''}por el portal para proveedores, con el número de apelación.`,
    },
  },
  appealDecision: {
    title: {
      overturned: { member: 'Aprobamos su apelación', provider: 'Decisión de la apelación: revocada (aprobada)' },
      partiallyOverturned: {
        member: 'Aprobamos una parte de su apelación',
        provider: 'Decisión de la apelación: revocada en parte',
      },
      upheld: {
        member: 'No cambiamos nuestra decisión',
        provider: 'Decisión de la apelación: se mantiene la negación',
      },
    },
    member: {
      overturned: (drug: string) =>
        `Revisamos otra vez su apelación sobre ${drug}. Cambiamos nuestra decisión. Su medicamento ahora está aprobado.`,
      partiallyOverturned: (drug: string) => `Revisamos otra vez su apelación sobre ${drug}. Aprobamos una parte.`,
      upheld: (drug: string) =>
        `Revisamos otra vez su apelación sobre ${drug}. No cambiamos nuestra decisión. El medicamento sigue sin aprobarse.`,
      whyHeading: 'Por qué',
    },
    provider: {
      overturned: (drug: string, patient: string) =>
        `En apelación, la autorización previa de ${drug} para su paciente ${patient} está aprobada.`,
      partiallyOverturned: (drug: string, patient: string) =>
        `En apelación, la autorización previa de ${drug} para su paciente ${patient} está aprobada en parte.`,
      upheld: (drug: string, patient: string) =>
        `En apelación, se mantiene la negación de ${drug} para su paciente ${patient}.`,
      whyHeading: 'Motivos',
    },
  },

  appealRights: {
    heading: 'Su derecho a apelar',
    providerHeading: 'Derechos de apelación',
    whatIsIt: (called: string) =>
      `Si no está de acuerdo con esta decisión, puede pedirnos que la revisemos otra vez. Esto se llama ${called}.`,
    appealWord: 'una apelación',
    redeterminationWord: 'una apelación (una "redeterminación")',
    deadline: (date: string) => `Debe pedir la apelación a más tardar el ${date}.`,
    deadlineDays: (days: number) => `Son ${days} días desde la fecha de esta carta.`,
    who: 'Usted, su médico o alguien que usted elija para actuar en su nombre puede pedir la apelación.',
    review: (standard: string) =>
      `Un revisor que no tomó esta decisión revisará su apelación. Decidiremos en un plazo de ${standard}.`,
    fast: (standard: string, fast: string) =>
      `Si esperar ${standard} podría dañar gravemente su salud, pida una apelación rápida. Decidiremos una apelación rápida en un plazo de ${fast}.`,
    providerSummary: (date: string, standard: string, fast: string) =>
      `El miembro, el médico en nombre del miembro o su representante pueden apelar a más tardar el ${date}. Las apelaciones estándar se deciden en ${standard}; las aceleradas en ${fast}, por un revisor que no participó en esta decisión.`,
    howHeading: 'Cómo apelar',
    portal: 'En línea: entre al portal para miembros y elija "Apelación". Médicos: usen el portal para proveedores.',
    fax: (fax: string) => `Por fax: envíe el formulario de apelación al ${fax}.`,
    mail: (plan: string) =>
      `Por correo: envíe el formulario de apelación a ${plan}, Atención: Apelaciones, a la dirección postal que aparece en su tarjeta de miembro.`,
    mailProvider: (plan: string) =>
      `Por correo: ${plan}, Atención: Apelaciones, a la dirección postal que aparece en la tarjeta del miembro.`,
    mailTo: (address: string) => `Por correo: envíe el formulario de apelación a ${address}.`,
    phone: (phone: string) => `Por teléfono: llame al ${phone} (TTY 711).`,
    include:
      'Use el formulario de apelación al final de esta carta. Envíe cualquier registro médico o una carta de su médico que pueda ayudar.',
    includeProvider:
      'Use el formulario de apelación al final de esta carta y adjunte la documentación clínica de apoyo.',
    nextHeading: 'Si decimos que no a su apelación',
    nextHeadingAfterAppeal: 'Lo que puede hacer ahora',
  },

  nextLevel: {
    dmhcImr: {
      afterDetermination: [
        'Si no está de acuerdo con nuestra decisión sobre su apelación, o si no la decidimos en 30 días (3 días para una apelación rápida), puede pedir al Departamento de Atención Médica Administrada de California (DMHC) una Revisión Médica Independiente (IMR). Médicos que no trabajan para nosotros revisan su caso. La IMR es gratis.',
        'Si su salud está en peligro grave e inmediato, puede comunicarse con el DMHC enseguida. No tiene que esperar nuestra decisión sobre la apelación.',
      ],
      afterAppeal: (deadline: string) => [
        `Puede pedir al Departamento de Atención Médica Administrada de California (DMHC) una Revisión Médica Independiente (IMR). Médicos que no trabajan para nosotros revisan su caso. La IMR es gratis. Pídala a más tardar el ${deadline} (6 meses desde la fecha de esta carta).`,
        'Llame al DMHC al 1-888-466-2219 (TDD 1-877-688-9891) o haga su solicitud en www.dmhc.ca.gov.',
      ],
      statement: dmhcStatement,
    },
    stateFairHearing: {
      afterDetermination: [
        'Si no está de acuerdo con nuestra decisión sobre su apelación, o si no la decidimos a tiempo, puede pedir una Audiencia Estatal Imparcial (State Fair Hearing). Un juez del Departamento de Servicios Sociales de California (CDSS) revisará su caso. La audiencia es gratis.',
        'Debe pedir la audiencia dentro de los 120 días a partir de la fecha de nuestra carta con la decisión sobre su apelación. Llame al CDSS al 1-800-743-8525 (TTY 1-800-952-8349) o visite www.cdss.ca.gov.',
        'Si está en un plan de atención administrada de Medi-Cal, también puede pedir al Departamento de Atención Médica Administrada de California una Revisión Médica Independiente: 1-888-466-2219 (TDD 1-877-688-9891).',
      ],
      afterAppeal: (deadline: string) => [
        `Puede pedir una Audiencia Estatal Imparcial (State Fair Hearing). Un juez del Departamento de Servicios Sociales de California (CDSS) revisará su caso. La audiencia es gratis. Pídala a más tardar el ${deadline} (120 días desde la fecha de esta carta).`,
        'Llame al CDSS al 1-800-743-8525 (TTY 1-800-952-8349) o visite www.cdss.ca.gov. Alguien puede hablar por usted en la audiencia, como un amigo, un familiar o un abogado.',
        'Si está en un plan de atención administrada de Medi-Cal, también puede pedir al Departamento de Atención Médica Administrada de California una Revisión Médica Independiente: 1-888-466-2219 (TDD 1-877-688-9891).',
      ],
    },
    partDIre: {
      afterDetermination: [
        'Si decimos que no a su apelación (redeterminación), puede pedir una revisión a la Entidad de Revisión Independiente (IRE). La IRE no trabaja para nosotros. Debe pedirla dentro de los 65 días a partir de la fecha de nuestra carta con la decisión sobre su apelación.',
        'Si no decidimos su apelación a tiempo, debemos enviar su caso a la IRE por usted.',
        'Para ayuda con Medicare, llame al 1-800-MEDICARE (1-800-633-4227), TTY 1-877-486-2048.',
      ],
      afterAppeal: (deadline: string) => [
        `Puede pedir una revisión (reconsideración) a la Entidad de Revisión Independiente (IRE). La IRE no trabaja para nosotros. Pídala a más tardar el ${deadline} (65 días desde la fecha de esta carta).`,
        'Para ayuda con Medicare, llame al 1-800-MEDICARE (1-800-633-4227), TTY 1-877-486-2048.',
      ],
    },
    other: (text: string) => `El siguiente nivel de revisión es: ${text}.`,
  },

  appealForm: {
    title: 'Formulario de solicitud de apelación',
    intro: (deadline: string) =>
      `Use este formulario para pedirnos que revisemos otra vez nuestra decisión. Envíelo a más tardar el ${deadline}.`,
    aboutHeading: 'Sobre el miembro',
    whoHeading: '¿Quién pide la apelación?',
    whoMember: 'El miembro',
    whoPrescriber: 'El médico que recetó',
    whoRepresentative: 'Otra persona que actúa en nombre del miembro (representante)',
    representative: 'Nombre del representante y su relación con el miembro:',
    representativeMedicare:
      'Si un representante (que no sea el médico) presenta la apelación, adjunte el formulario CMS-1696 (Nombramiento de Representante) u otro documento firmado similar.',
    contactPhone: 'Teléfono donde podemos comunicarnos con usted:',
    whyHeading: '¿Por qué no está de acuerdo con nuestra decisión?',
    why: 'Díganos con sus propias palabras. Puede agregar páginas, registros médicos o una carta del médico.',
    fastHeading: '¿Necesita una apelación rápida?',
    fast: (standard: string, fast: string) =>
      `APELACIÓN RÁPIDA: Marque esta casilla si esperar ${standard} podría dañar gravemente la vida, la salud o la capacidad del miembro de recuperar su función máxima. Decidiremos en un plazo de ${fast}.`,
    signatureHeading: 'Firma',
    signature: 'Firma',
    date: 'Fecha',
    sendHeading: 'Adónde enviar este formulario',
  },

  languageAssistance: {
    title: 'Ayuda con idiomas y sus derechos',
    taglinesHeading: 'Ayuda en su idioma',
    nondiscriminationHeading: 'Aviso de no discriminación',
    nondiscrimination: (plan: string, phone: string) => [
      `${plan} cumple con las leyes federales de derechos civiles aplicables y no discrimina por motivos de raza, color, nacionalidad, edad, discapacidad o sexo (Sección 1557 de la Ley de Cuidado de Salud a Bajo Precio). ${plan} no excluye a las personas ni las trata de forma diferente por estos motivos.`,
      `Damos ayudas y servicios gratuitos a las personas con discapacidades, como intérpretes calificados de lenguaje de señas e información escrita en otros formatos (letra grande, audio, formatos electrónicos accesibles). Damos servicios de idiomas gratuitos a las personas cuyo primer idioma no es el inglés, como intérpretes calificados e información escrita en otros idiomas. Para obtener estos servicios, llame al ${phone} (TTY 711).`,
      `Si cree que no le dimos estos servicios o que lo trataron de forma injusta de otra manera, puede presentar una queja ante nosotros: llame al ${phone} (TTY 711). También puede presentar una queja de derechos civiles ante el Departamento de Salud y Servicios Humanos de los EE. UU., Oficina de Derechos Civiles, en ocrportal.hhs.gov, o llame al 1-800-368-1019 (TDD 1-800-537-7697).`,
    ],
    otherLanguageNotice:
      'Esta carta está en inglés porque todavía no escribimos cartas en su idioma. Ayuda gratis en su idioma:',
  },
};

import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ApiAnswer } from '../../api/api-shapes';
import { Link } from '../../app/router';
import { useMe } from '../../app/session';
import { useLang, useText } from '../../i18n/i18n';
import { Async, ErrorBanner, Notice, Page, Section } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useAction, useApi } from '../../ui/use-api';

type Preferences = ApiAnswer<'/api/v1/members/{id}/notification-preferences', 'get'>;
type Alerts = ApiAnswer<'/api/v1/members/{id}/alerts', 'get'>;
type Channel = Preferences['decisions'][number];
type Topic = 'decisions' | 'informationRequests';

const CHANNELS: Channel[] = ['portal', 'email', 'text'];

const TEXT = {
  en: {
    title: 'Notifications',
    choose: 'How should we tell you?',
    intro:
      'Choose how we tell you when the plan decides a prior authorization request or asks your prescriber for more information. Letters are still sent as the law requires.',
    decisions: 'Decisions on my prior authorizations',
    informationRequests: 'Requests for more information',
    portal: 'In this portal',
    email: 'E-mail to {to}',
    text: 'Text message to {to}',
    noEmail: 'E-mail (no e-mail address on file — call member services to add one)',
    noPhone: 'Text message (no phone number on file — call member services to add one)',
    textNotice:
      'Text messages are not sent to phones yet: this plan has no text-message provider connected, so they wait in the plan’s outbox.',
    save: 'Save my choices',
    saving: 'Saving…',
    saved: 'Your choices are saved.',
    recent: 'My recent notifications',
    none: 'No notifications yet.',
    decision: 'A decision was made on your prior authorization request.',
    info: 'Your plan asked your prescriber for more information.',
    open: 'Open the request',
    via: { portal: 'portal', email: 'e-mail', text: 'text message' },
    status: {
      queued: 'waiting to send',
      retrying: 'will retry',
      sending: 'sending',
      sent: 'sent',
      delivered: 'delivered',
      failed: 'could not be sent',
    },
  },
  es: {
    title: 'Avisos',
    choose: '¿Cómo le avisamos?',
    intro:
      'Elija cómo le avisamos cuando el plan decide una solicitud de autorización previa o pide más información a su médico. Las cartas se siguen enviando como lo exige la ley.',
    decisions: 'Decisiones sobre mis autorizaciones previas',
    informationRequests: 'Pedidos de más información',
    portal: 'En este portal',
    email: 'Correo electrónico a {to}',
    text: 'Mensaje de texto a {to}',
    noEmail: 'Correo electrónico (no hay un correo registrado — llame a Servicios al afiliado para agregarlo)',
    noPhone: 'Mensaje de texto (no hay un teléfono registrado — llame a Servicios al afiliado para agregarlo)',
    textNotice:
      'Los mensajes de texto todavía no llegan a los teléfonos: este plan no tiene un proveedor de mensajes de texto conectado, así que esperan en la bandeja de salida del plan.',
    save: 'Guardar mis opciones',
    saving: 'Guardando…',
    saved: 'Sus opciones se guardaron.',
    recent: 'Mis avisos recientes',
    none: 'Todavía no hay avisos.',
    decision: 'Se tomó una decisión sobre su solicitud de autorización previa.',
    info: 'Su plan pidió más información a su médico.',
    open: 'Abrir la solicitud',
    via: { portal: 'portal', email: 'correo electrónico', text: 'mensaje de texto' },
    status: {
      queued: 'por enviar',
      retrying: 'se reintentará',
      sending: 'enviando',
      sent: 'enviado',
      delivered: 'entregado',
      failed: 'no se pudo enviar',
    },
  },
};

/** The member's alert choices (GET/PUT /members/{id}/notification-preferences) and recent alerts. */
export function NotificationsPage() {
  const t = useText(TEXT);
  const me = useMe();
  const memberId = me.memberId ?? '';
  const base = `/members/${encodeURIComponent(memberId)}`;
  const prefs = useApi<Preferences>(memberId ? `${base}/notification-preferences` : null);
  const alerts = useApi<Alerts>(memberId ? `${base}/alerts` : null);
  return (
    <Page title={t.title}>
      <Async state={prefs}>{(p) => <PreferencesForm initial={p} path={`${base}/notification-preferences`} />}</Async>
      <Section title={t.recent}>
        <Async state={alerts}>{(a) => <AlertList alerts={a} />}</Async>
      </Section>
    </Page>
  );
}

function PreferencesForm({ initial, path }: { initial: Preferences; path: string }) {
  const t = useText(TEXT);
  const [choice, setChoice] = useState({
    decisions: initial.decisions,
    informationRequests: initial.informationRequests,
  });
  const [saved, setSaved] = useState(false);
  const save = useAction((body: typeof choice) => api.put<Preferences>(path, body));
  useEffect(() => setSaved(false), [choice]);
  const toggle = (topic: Topic, c: Channel, on: boolean) =>
    setChoice((s) => ({ ...s, [topic]: on ? [...s[topic], c] : s[topic].filter((x) => x !== c) }));
  const label = (c: Channel) =>
    c === 'portal'
      ? t.portal
      : c === 'email'
        ? initial.email
          ? t.email.replace('{to}', initial.email)
          : t.noEmail
        : initial.phone
          ? t.text.replace('{to}', initial.phone)
          : t.noPhone;
  return (
    <Section title={t.choose}>
      <p>{t.intro}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(choice).then((r) => r && setSaved(true));
        }}
      >
        {(['decisions', 'informationRequests'] as Topic[]).map((topic) => (
          <fieldset key={topic}>
            <legend>{t[topic]}</legend>
            {CHANNELS.map((c) => (
              <label key={c} className="choice">
                <input
                  type="checkbox"
                  checked={choice[topic].includes(c)}
                  disabled={(c === 'email' && !initial.email) || (c === 'text' && !initial.phone)}
                  onChange={(e) => toggle(topic, c, e.target.checked)}
                />{' '}
                {label(c)}
              </label>
            ))}
          </fieldset>
        ))}
        {!initial.textMessagesSent ? <Notice>{t.textNotice}</Notice> : null}
        <ErrorBanner error={save.error} />
        {saved ? <Notice tone="success">{t.saved}</Notice> : null}
        <button type="submit" className="primary" disabled={save.busy}>
          {save.busy ? t.saving : t.save}
        </button>
      </form>
    </Section>
  );
}

function AlertList({ alerts }: { alerts: Alerts }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  if (alerts.items.length === 0) return <p>{t.none}</p>;
  return (
    <ul className="claim-list" aria-label={t.recent}>
      {alerts.items.map((a) => (
        <li key={a.id} className="alert-row">
          <p>
            <strong>{a.topic === 'decision' ? t.decision : t.info}</strong>{' '}
            {a.paRequestId ? (
              <Link to={`/member/prior-authorizations/${encodeURIComponent(a.paRequestId)}`}>{t.open}</Link>
            ) : null}
          </p>
          <p className="muted">
            {formatDateTime(a.createdAt, lang)} · {t.via[a.channel as Channel]} ·{' '}
            {t.status[a.status as keyof typeof t.status] ?? a.status}
          </p>
        </li>
      ))}
    </ul>
  );
}

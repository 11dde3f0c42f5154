import type { ApiAnswer } from '../../api/api-shapes';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useLang, useText, type Lang } from '../../i18n/i18n';
import { ErrorBanner, Field, Notice } from '../../ui/components';
import { useAction } from '../../ui/use-api';

type Scheme = 'none' | 'bearer' | 'basic';

/** The part of GET /ehr-clients this form reads (src/ehr-clients/ehr-clients.routes.ts). */
/** An EHR client as POST /ehr-clients/{id}/epa-endpoint answers it (and GET /ehr-clients lists it). */
export type EpaHub = ApiAnswer<'/api/v1/ehr-clients/{id}/epa-endpoint', 'post'>;

const TEXT = {
  en: {
    hub: 'Hub',
    none: 'No client has the epa scope yet: register the hub above with the epa scope.',
    current: 'Now: {state}',
    nowhere: 'no endpoint — notifications become work items for staff to phone or fax',
    to: 'notifications go to {url}',
    withBearer: ', with a bearer token (stored, not shown)',
    withBasic: ', with HTTP Basic as {user} (password stored, not shown)',
    withNothing: ', without credentials',
    endpoint: 'Notification endpoint (URL)',
    endpointHint:
      'Where PANotifications are POSTed. Open cases keep the endpoint recorded when they were opened. Leave empty to remove.',
    auth: 'Authentication',
    schemeNone: 'None',
    schemeBearer: 'Bearer token',
    schemeBasic: 'HTTP Basic (user and password)',
    token: 'Bearer token',
    username: 'User',
    password: 'Password',
    secretHint: 'Sent with every delivery and never shown again. Leave empty to keep the stored one.',
    secretHintNew: 'Sent with every delivery and never shown again. Credentials need an https endpoint.',
    save: 'Save ePA notifications',
    saving: 'Saving…',
    saved: 'ePA notifications for {clientId} were saved.',
    badUrl: 'Type a web address that starts with https:// (or http:// for a test receiver).',
    needsEndpoint: 'Credentials need an endpoint to be sent to.',
    needsHttps: 'Credentials are sent only to an https:// address (http would carry them in clear text).',
    badToken: '16 to 4096 characters: letters, digits and - . _ ~ + /.',
    badUser: 'Type a user of up to 200 characters, without a colon.',
    badPassword: 'Type a password of up to 500 characters.',
  },
  es: {
    hub: 'Intermediario',
    none: 'Ningún cliente tiene aún el permiso epa: registre arriba el intermediario con el permiso epa.',
    current: 'Ahora: {state}',
    nowhere: 'sin dirección: las notificaciones se convierten en tareas para llamar o enviar fax',
    to: 'las notificaciones van a {url}',
    withBearer: ', con un token bearer (guardado, no se muestra)',
    withBasic: ', con HTTP Basic como {user} (contraseña guardada, no se muestra)',
    withNothing: ', sin credenciales',
    endpoint: 'Dirección de notificación (URL)',
    endpointHint:
      'Adonde se envían las PANotification. Los casos abiertos conservan la dirección registrada al abrirse. Déjela vacía para quitarla.',
    auth: 'Autenticación',
    schemeNone: 'Ninguna',
    schemeBearer: 'Token bearer',
    schemeBasic: 'HTTP Basic (usuario y contraseña)',
    token: 'Token bearer',
    username: 'Usuario',
    password: 'Contraseña',
    secretHint: 'Se envía con cada entrega y no se vuelve a mostrar. Déjelo vacío para conservar el guardado.',
    secretHintNew:
      'Se envía con cada entrega y no se vuelve a mostrar. Las credenciales requieren una dirección https.',
    save: 'Guardar notificaciones ePA',
    saving: 'Guardando…',
    saved: 'Se guardaron las notificaciones ePA de {clientId}.',
    badUrl: 'Escriba una dirección web que empiece con https:// (o http:// para un receptor de prueba).',
    needsEndpoint: 'Las credenciales necesitan una dirección a la que enviarse.',
    needsHttps: 'Las credenciales solo se envían a una dirección https:// (http las llevaría sin cifrar).',
    badToken: 'De 16 a 4096 caracteres: letras, dígitos y - . _ ~ + /.',
    badUser: 'Escriba un usuario de hasta 200 caracteres, sin dos puntos.',
    badPassword: 'Escriba una contraseña de hasta 500 caracteres.',
  },
};

type Words = (typeof TEXT)['en'];
type FieldPath = 'epaEndpoint' | 'epaAuth.token' | 'epaAuth.username' | 'epaAuth.password';

const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The form's own checks, in the screen's language (issue #14 item 9), the same rules the server applies
 * (src/ehr-clients/epa-notification-auth.ts): a stored secret the admin keeps is not re-checked.
 */
function hubErrors(
  t: Words,
  f: { endpoint: string; scheme: Scheme; token: string; username: string; password: string; keeps: boolean },
): Partial<Record<FieldPath, string>> {
  const errors: Partial<Record<FieldPath, string>> = {};
  const endpoint = f.endpoint.trim();
  let url: URL | null = null;
  if (endpoint) {
    try {
      url = new URL(endpoint);
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) return { epaEndpoint: t.badUrl };
  }
  if (f.scheme === 'none') return errors;
  if (!url) errors.epaEndpoint = t.needsEndpoint;
  else if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) errors.epaEndpoint = t.needsHttps;
  if (f.keeps) return errors;
  const token = f.token.trim();
  if (f.scheme === 'bearer' && !(token.length >= 16 && token.length <= 4096 && TOKEN.test(token)))
    errors['epaAuth.token'] = t.badToken;
  if (f.scheme === 'basic') {
    const user = f.username.trim();
    if (!user || user.length > 200 || user.includes(':')) errors['epaAuth.username'] = t.badUser;
    if (!f.password || f.password.length > 500) errors['epaAuth.password'] = t.badPassword;
  }
  return errors;
}

/** A field error the server found, in the screen's language: the form's own words for that field. */
function serverFieldWords(t: Words, path: FieldPath, lang: Lang, message: string): string {
  if (lang === 'en') return message;
  return path === 'epaEndpoint'
    ? t.badUrl
    : path === 'epaAuth.token'
      ? t.badToken
      : path === 'epaAuth.username'
        ? t.badUser
        : t.badPassword;
}

/**
 * Where an ePA hub receives PANotifications and how OpenPBM authenticates to it (bearer token or
 * HTTP Basic). Secrets go in and never come back: the API answers only whether one is stored.
 */
export function EpaNotificationsForm({ clients, onSaved }: { clients: EpaHub[]; onSaved: () => void }) {
  const t = useText(TEXT);
  const hubs = clients.filter((c) => c.scopes.includes('epa'));
  const [hubId, setHubId] = useState(hubs[0]?.id ?? '');
  const [savedFor, setSavedFor] = useState<string | null>(null);
  const hub = hubs.find((h) => h.id === hubId) ?? hubs[0];
  if (!hub) return <p>{t.none}</p>;
  return (
    <>
      {savedFor ? <Notice tone="success">{t.saved.replace('{clientId}', savedFor)}</Notice> : null}
      <div className="field">
        <label>
          {t.hub}{' '}
          <select
            value={hub.id}
            onChange={(e) => {
              setSavedFor(null);
              setHubId(e.target.value);
            }}
          >
            {hubs.map((h) => (
              <option key={h.id} value={h.id}>
                {h.clientId} — {h.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* A fresh form per hub, so one hub's typed secret never carries over to another. */}
      <HubForm
        key={`${hub.id}:${hub.epaEndpoint}:${hub.epaAuth.scheme}:${hub.epaAuth.username}`}
        hub={hub}
        onStart={() => setSavedFor(null)}
        onSaved={() => {
          setSavedFor(hub.clientId);
          onSaved();
        }}
      />
    </>
  );
}

function HubForm({ hub, onSaved, onStart }: { hub: EpaHub; onSaved: () => void; onStart: () => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [endpoint, setEndpoint] = useState(hub.epaEndpoint ?? '');
  const [scheme, setScheme] = useState<Scheme>(hub.epaAuth.scheme);
  const [token, setToken] = useState('');
  const [username, setUsername] = useState(hub.epaAuth.username ?? '');
  const [password, setPassword] = useState('');
  const save = useAction((body: Record<string, unknown>) =>
    api.post<EpaHub>(`/ehr-clients/${hub.id}/epa-endpoint`, body),
  );
  // Shown after a save is tried, and re-checked as the admin types: an error clears once the field is right.
  const [tried, setTried] = useState(false);
  // Unchanged scheme (and user) with no new secret keeps what is stored.
  const keeps =
    hub.epaAuth.secretSet &&
    scheme === hub.epaAuth.scheme &&
    (scheme === 'bearer' ? !token : scheme === 'basic' ? !password && username === hub.epaAuth.username : false);
  const own = hubErrors(t, { endpoint, scheme, token, username, password, keeps: !!keeps });
  const fieldError = (path: FieldPath) => {
    if (tried && own[path]) return own[path];
    const server = save.error?.problem.errors?.find((e) => e.path === path)?.message;
    return server ? serverFieldWords(t, path, lang, server) : null;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onStart();
    setTried(true);
    if (Object.keys(own).length > 0) return;
    const epaAuth =
      scheme === 'none'
        ? { scheme }
        : scheme === 'bearer'
          ? { scheme, token: token.trim() }
          : { scheme, username: username.trim(), password };
    const r = await save.run({ epaEndpoint: endpoint.trim() || null, ...(keeps ? {} : { epaAuth }) });
    if (r) onSaved();
  };
  const state = hub.epaEndpoint
    ? t.to.replace('{url}', hub.epaEndpoint) +
      (hub.epaAuth.scheme === 'bearer'
        ? t.withBearer
        : hub.epaAuth.scheme === 'basic'
          ? t.withBasic.replace('{user}', hub.epaAuth.username ?? '')
          : t.withNothing)
    : t.nowhere;
  const secretHint = hub.epaAuth.secretSet && scheme === hub.epaAuth.scheme ? t.secretHint : t.secretHintNew;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorBanner error={save.error} />
      <p>{t.current.replace('{state}', state)}</p>
      <Field label={t.endpoint} hint={t.endpointHint} error={fieldError('epaEndpoint')}>
        {(p) => (
          <input
            {...p}
            type="url"
            inputMode="url"
            autoComplete="off"
            value={endpoint}
            onChange={(e) => setEndpoint(e.target.value)}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t.auth}</legend>
        {(['none', 'bearer', 'basic'] as const).map((s) => (
          <label className="choice" key={s}>
            <input type="radio" name={`scheme-${hub.id}`} checked={scheme === s} onChange={() => setScheme(s)} />{' '}
            {s === 'none' ? t.schemeNone : s === 'bearer' ? t.schemeBearer : t.schemeBasic}
          </label>
        ))}
      </fieldset>
      {scheme === 'bearer' ? (
        <Field label={t.token} hint={secretHint} error={fieldError('epaAuth.token')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      {scheme === 'basic' ? (
        <div className="grid">
          <Field label={t.username} error={fieldError('epaAuth.username')}>
            {(p) => <input {...p} autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />}
          </Field>
          <Field label={t.password} hint={secretHint} error={fieldError('epaAuth.password')}>
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
        </div>
      ) : null}
      <button type="submit" className="primary" disabled={save.busy}>
        {save.busy ? t.saving : t.save}
      </button>
    </form>
  );
}

import type { ApiAnswer } from '../../api/api-shapes';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useText } from '../../i18n/i18n';
import { Async, ErrorBanner, Field, Notice, Page, Section } from '../../ui/components';
import { useAction, useApi } from '../../ui/use-api';
import { EpaNotificationsForm } from './epa-notifications-form';
import { TableBox } from '../../ui/table-box';

/** GET /ehr-clients (src/ehr-clients/ehr-clients.routes.ts). */
type ClientList = ApiAnswer<'/api/v1/ehr-clients', 'get'>;
type EhrClient = ClientList['items'][number];

const TEXT = {
  en: {
    title: 'EHR clients',
    intro:
      'EHR and hub systems that call CRD, DTR and PAS authenticate with SMART Backend Services: they sign a token request with a private key whose public half is registered here.',
    register: 'Register a client',
    list: 'Registered clients',
    epa: 'ePA hub notifications',
    epaIntro:
      'Where an ePA hub (epa scope) receives PANotifications when a pended case is decided, and the credentials OpenPBM presents to it.',
    caption: 'EHR clients, their keys and scopes',
    empty: 'No EHR clients yet.',
    clientId: 'Client ID',
    clientIdHint: 'Optional; 3–64 letters, digits, dot, dash or underscore',
    name: 'Name',
    scopes: 'Scopes it may be granted',
    npis: 'Prescriber NPIs it submits for',
    npisHint: 'Separated by commas or spaces',
    org: 'Organization identifier (NPI)',
    orgHint: 'PAS subscriptions filter on it (org-identifier)',
    key: 'Public key (JWK, RS384 or EC P-384, with kid)',
    keyHint: 'Paste the public JSON Web Key; never a private key',
    apiKey: 'Also issue an API key (refused in production unless FHIR_API_KEYS=allow)',
    submit: 'Register client',
    busy: 'Registering…',
    created: 'Client {clientId} was registered.',
    apiKeyShown: 'API key (shown once — copy it now):',
    keys: 'Keys',
    notifyTo: 'ePA notifications to',
    state: 'State',
    active: 'Active',
    disabled: 'Disabled',
    disable: 'Disable',
    enable: 'Enable',
    addKey: 'Add key',
    badJson: 'The key is not valid JSON.',
  },
  es: {
    title: 'Clientes EHR',
    intro:
      'Los sistemas EHR y los intermediarios que llaman a CRD, DTR y PAS se autentican con SMART Backend Services: firman la solicitud de token con una clave privada cuya mitad pública se registra aquí.',
    register: 'Registrar un cliente',
    list: 'Clientes registrados',
    epa: 'Notificaciones ePA del intermediario',
    epaIntro:
      'Adonde un intermediario ePA (permiso epa) recibe las PANotification cuando se decide un caso pendiente, y las credenciales que OpenPBM le presenta.',
    caption: 'Clientes EHR, sus claves y permisos',
    empty: 'Aún no hay clientes EHR.',
    clientId: 'ID de cliente',
    clientIdHint: 'Opcional; 3–64 letras, dígitos, punto, guion o guion bajo',
    name: 'Nombre',
    scopes: 'Permisos que puede recibir',
    npis: 'NPI de los médicos por los que envía',
    npisHint: 'Separados por comas o espacios',
    org: 'Identificador de la organización (NPI)',
    orgHint: 'Las suscripciones PAS filtran por él (org-identifier)',
    key: 'Clave pública (JWK, RS384 o EC P-384, con kid)',
    keyHint: 'Pegue la clave pública JSON; nunca una clave privada',
    apiKey: 'Emitir también una clave de API (rechazada en producción salvo FHIR_API_KEYS=allow)',
    submit: 'Registrar cliente',
    busy: 'Registrando…',
    created: 'Se registró el cliente {clientId}.',
    apiKeyShown: 'Clave de API (se muestra una sola vez; cópiela ahora):',
    keys: 'Claves',
    notifyTo: 'Notificaciones ePA a',
    state: 'Estado',
    active: 'Activo',
    disabled: 'Desactivado',
    disable: 'Desactivar',
    enable: 'Activar',
    addKey: 'Agregar clave',
    badJson: 'La clave no es JSON válido.',
  },
};

function parseJwk(text: string): unknown | null {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The EHR client registry: register (public key, scopes, prescribers), rotate keys, disable. */
export function EhrClientsPage() {
  const t = useText(TEXT);
  const clients = useApi<ClientList>('/ehr-clients');
  const [created, setCreated] = useState<{ clientId: string; apiKey?: string } | null>(null);
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      {created ? (
        <Notice tone="success">
          <span>{t.created.replace('{clientId}', created.clientId)}</span>
          {created.apiKey ? (
            <span>
              {t.apiKeyShown} <code className="admin-code">{created.apiKey}</code>
            </span>
          ) : null}
        </Notice>
      ) : null}
      <Async state={clients} empty={t.empty} isEmpty={() => false}>
        {(d) => (
          <>
            <Section title={t.register}>
              <RegisterForm
                scopes={d.scopes}
                onStart={() => setCreated(null)}
                onCreated={(c) => {
                  setCreated(c);
                  clients.reload();
                }}
              />
            </Section>
            <Section title={t.list}>
              {d.items.length ? <ClientTable clients={d.items} onChange={clients.reload} /> : <p>{t.empty}</p>}
            </Section>
            <Section title={t.epa}>
              <p>{t.epaIntro}</p>
              <EpaNotificationsForm clients={d.items} onSaved={clients.reload} />
            </Section>
          </>
        )}
      </Async>
    </Page>
  );
}

function RegisterForm({
  scopes,
  onCreated,
  onStart,
}: {
  scopes: ClientList['scopes'];
  onCreated: (c: { clientId: string; apiKey?: string }) => void;
  onStart: () => void;
}) {
  const t = useText(TEXT);
  const empty = { clientId: '', name: '', npis: '', org: '', key: '', withApiKey: false, scopes: [] as string[] };
  const [form, setForm] = useState(empty);
  const [keyError, setKeyError] = useState<string | null>(null);
  const register = useAction((body: Record<string, unknown>) =>
    api.post<{ client: EhrClient; apiKey?: string }>('/ehr-clients', body),
  );
  const fieldError = (path: string) =>
    register.error?.problem.errors?.find((e) => e.path === path || e.path?.startsWith(`${path}.`))?.message ?? null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onStart();
    setKeyError(null);
    const jwk = form.key.trim() ? parseJwk(form.key) : undefined;
    if (jwk === null) return setKeyError(t.badJson);
    const body: Record<string, unknown> = {
      name: form.name.trim(),
      scopes: form.scopes,
      prescriberNpis: form.npis.split(/[\s,]+/).filter(Boolean),
      ...(form.clientId.trim() ? { clientId: form.clientId.trim() } : {}),
      ...(form.org.trim() ? { organizationIdentifier: form.org.trim() } : {}),
      ...(jwk ? { keys: [jwk] } : {}),
      ...(form.withApiKey ? { withApiKey: true } : {}),
    };
    const r = await register.run(body);
    if (r) {
      setForm(empty);
      onCreated({ clientId: r.client.clientId, apiKey: r.apiKey });
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorBanner error={register.error} />
      <div className="grid">
        <Field label={t.name} error={fieldError('name')}>
          {(p) => (
            <input {...p} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          )}
        </Field>
        <Field label={t.clientId} hint={t.clientIdHint} error={fieldError('clientId')}>
          {(p) => (
            <input {...p} value={form.clientId} onChange={(e) => setForm({ ...form, clientId: e.target.value })} />
          )}
        </Field>
        <Field label={t.npis} hint={t.npisHint} error={fieldError('prescriberNpis')}>
          {(p) => <input {...p} value={form.npis} onChange={(e) => setForm({ ...form, npis: e.target.value })} />}
        </Field>
        <Field label={t.org} hint={t.orgHint} error={fieldError('organizationIdentifier')}>
          {(p) => <input {...p} value={form.org} onChange={(e) => setForm({ ...form, org: e.target.value })} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t.scopes}</legend>
        {scopes.map((s) => (
          <label className="choice" key={s.scope}>
            <input
              type="checkbox"
              checked={form.scopes.includes(s.scope)}
              onChange={(e) =>
                setForm({
                  ...form,
                  scopes: e.target.checked ? [...form.scopes, s.scope] : form.scopes.filter((x) => x !== s.scope),
                })
              }
            />{' '}
            <code>{s.scope}</code> — {s.allows}
          </label>
        ))}
        {fieldError('scopes') ? <p className="field-error">{fieldError('scopes')}</p> : null}
      </fieldset>
      <Field label={t.key} hint={t.keyHint} error={keyError ?? fieldError('keys')}>
        {(p) => (
          <textarea {...p} rows={4} value={form.key} onChange={(e) => setForm({ ...form, key: e.target.value })} />
        )}
      </Field>
      <label className="choice">
        <input
          type="checkbox"
          checked={form.withApiKey}
          onChange={(e) => setForm({ ...form, withApiKey: e.target.checked })}
        />{' '}
        {t.apiKey}
      </label>
      <button type="submit" className="primary" disabled={register.busy}>
        {register.busy ? t.busy : t.submit}
      </button>
    </form>
  );
}

function ClientTable({ clients, onChange }: { clients: EhrClient[]; onChange: () => void }) {
  const t = useText(TEXT);
  return (
    <TableBox label={t.caption}>
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.clientId}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.scopes}</th>
            <th scope="col">{t.keys}</th>
            <th scope="col">{t.notifyTo}</th>
            <th scope="col">{t.state}</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((c) => (
            <ClientRow key={c.id} client={c} onChange={onChange} />
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

function ClientRow({ client: c, onChange }: { client: EhrClient; onChange: () => void }) {
  const t = useText(TEXT);
  const [key, setKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const toggle = useAction(() => api.post<EhrClient>(`/ehr-clients/${c.id}/${c.disabledAt ? 'enable' : 'disable'}`));
  const addKey = useAction((jwk: unknown) => api.post<EhrClient>(`/ehr-clients/${c.id}/keys`, { jwk }));
  return (
    <tr>
      <th scope="row">
        <code>{c.clientId}</code>
      </th>
      <td>{c.name}</td>
      <td>{c.scopes.join(' ')}</td>
      <td>
        {c.keys.map((k) => `${k.kid} (${k.alg ?? k.kty})`).join(', ') || '—'}
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setKeyError(null);
            const jwk = parseJwk(key);
            if (jwk === null) return setKeyError(t.badJson);
            if (await addKey.run(jwk)) {
              setKey('');
              onChange();
            }
          }}
        >
          <ErrorBanner error={keyError ?? addKey.error} />
          <label>
            <span className="visually-hidden">{t.key}</span>
            <textarea
              rows={2}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              aria-label={`${t.key}: ${c.clientId}`}
            />
          </label>
          <button type="submit" disabled={addKey.busy || !key.trim()}>
            {t.addKey}
          </button>
        </form>
      </td>
      <td>{c.scopes.includes('epa') ? (c.epaEndpoint ?? '—') : '—'}</td>
      <td>
        {c.disabledAt ? t.disabled : t.active}{' '}
        <button
          type="button"
          disabled={toggle.busy}
          onClick={async () => {
            if (await toggle.run()) onChange();
          }}
        >
          {c.disabledAt ? t.enable : t.disable}
        </button>
        <ErrorBanner error={toggle.error} />
      </td>
    </tr>
  );
}

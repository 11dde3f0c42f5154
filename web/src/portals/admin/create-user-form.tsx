import type { ApiAnswer } from '../../api/api-shapes';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useText } from '../../i18n/i18n';
import { ErrorBanner, Field } from '../../ui/components';
import { useAction } from '../../ui/use-api';
import { ROLES, type Role } from '../../../../src/shared/role-names';
import { ROLE_LABELS } from '../../ui/people';

const TEXT = {
  en: {
    username: 'Username',
    usernameHint: '3–64 letters, digits, dot, dash or underscore',
    displayName: 'Name shown on screens and letters',
    role: 'Role',
    password: 'Password',
    passwordHint: 'At least 8 characters; leave empty for an API-key-only system account',
    credential: 'Credential (e.g. PharmD, MD)',
    memberId: 'Member ID',
    npi: 'NPI',
    apiKey: 'Issue an API key (pharmacy systems, ePA networks)',
    submit: 'Create user',
    busy: 'Creating…',
  },
  es: {
    username: 'Usuario',
    usernameHint: '3–64 letras, dígitos, punto, guion o guion bajo',
    displayName: 'Nombre en pantallas y cartas',
    role: 'Rol',
    password: 'Contraseña',
    passwordHint: 'Al menos 8 caracteres; vacía para una cuenta de sistema con clave de API',
    credential: 'Credencial (p. ej., PharmD, MD)',
    memberId: 'Número de afiliado',
    npi: 'NPI',
    apiKey: 'Emitir una clave de API (sistemas de farmacia, redes ePA)',
    submit: 'Crear usuario',
    busy: 'Creando…',
  },
};

export type CreatedUser = ApiAnswer<'/api/v1/users', 'post', 201>;

const EMPTY = {
  username: '',
  displayName: '',
  role: 'intake' as Role,
  password: '',
  credential: '',
  memberId: '',
  npi: '',
  withApiKey: false,
};

/** POST /users: the fields a role needs appear with it (member id, NPI, credential). */
export function CreateUserForm({ onCreated, onStart }: { onCreated: (u: CreatedUser) => void; onStart?: () => void }) {
  const t = useText(TEXT);
  const roles = useText(ROLE_LABELS);
  const [form, setForm] = useState(EMPTY);
  const create = useAction((body: Record<string, unknown>) => api.post<CreatedUser>('/users', body));
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));
  const fieldError = (path: string) =>
    create.error?.problem.errors?.find((e) => e.path?.replace(/^\/?(body[./])?/, '') === path)?.message ?? null;
  const needsNpi = form.role === 'prescriber' || form.role === 'pharmacy';
  const clinician = form.role === 'reviewer-pharmacist' || form.role === 'reviewer-physician';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onStart?.();
    const body: Record<string, unknown> = { username: form.username.trim(), role: form.role };
    if (form.displayName.trim()) body.displayName = form.displayName.trim();
    if (form.password) body.password = form.password;
    if (clinician && form.credential.trim()) body.credential = form.credential.trim();
    if (form.role === 'member') body.memberId = form.memberId.trim();
    if (needsNpi) body.npi = form.npi.trim();
    if (form.withApiKey) body.withApiKey = true;
    const created = await create.run(body);
    if (created) {
      setForm(EMPTY);
      onCreated(created);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorBanner error={create.error} />
      <div className="grid">
        <Field label={t.username} hint={t.usernameHint} error={fieldError('username')}>
          {(p) => (
            <input
              {...p}
              required
              autoComplete="off"
              value={form.username}
              onChange={(e) => set({ username: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.displayName}>
          {(p) => <input {...p} value={form.displayName} onChange={(e) => set({ displayName: e.target.value })} />}
        </Field>
        <Field label={t.role} error={fieldError('role')}>
          {(p) => (
            <select {...p} value={form.role} onChange={(e) => set({ role: e.target.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roles[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.password} hint={t.passwordHint} error={fieldError('password')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => set({ password: e.target.value })}
            />
          )}
        </Field>
        {clinician ? (
          <Field label={t.credential}>
            {(p) => <input {...p} value={form.credential} onChange={(e) => set({ credential: e.target.value })} />}
          </Field>
        ) : null}
        {form.role === 'member' ? (
          <Field label={t.memberId} error={fieldError('memberId')}>
            {(p) => <input {...p} required value={form.memberId} onChange={(e) => set({ memberId: e.target.value })} />}
          </Field>
        ) : null}
        {needsNpi ? (
          <Field label={t.npi} error={fieldError('npi')}>
            {(p) => (
              <input
                {...p}
                required
                inputMode="numeric"
                maxLength={10}
                value={form.npi}
                onChange={(e) => set({ npi: e.target.value })}
              />
            )}
          </Field>
        ) : null}
      </div>
      <label className="choice">
        <input type="checkbox" checked={form.withApiKey} onChange={(e) => set({ withApiKey: e.target.checked })} />{' '}
        {t.apiKey}
      </label>
      <button type="submit" className="primary" disabled={create.busy}>
        {create.busy ? t.busy : t.submit}
      </button>
    </form>
  );
}

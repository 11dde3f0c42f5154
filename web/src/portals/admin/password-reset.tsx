import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { fill, useText } from '../../i18n/i18n';
import { ErrorBanner, Field, Notice } from '../../ui/components';
import { useAction } from '../../ui/use-api';

const TEXT = {
  en: {
    open: 'Reset password of {username}',
    legend: 'Temporary password for {username}',
    generate: 'Generate one for me (shown once)',
    type: 'I will type one',
    temporary: 'Temporary password',
    hint: 'At least 8 characters. Give it to the person by phone or in person, never by e-mail.',
    explain:
      '{username} must choose a new password at the next sign-in. Every session of the account ends now; API keys are not changed.',
    submit: 'Reset the password of {username}',
    cancel: 'Cancel',
    generated: 'Temporary password for {username}: {password} — it is shown only this once.',
    typed: 'The password of {username} is reset to the one you typed.',
  },
  es: {
    open: 'Restablecer la contraseña de {username}',
    legend: 'Contraseña temporal de {username}',
    generate: 'Generarla (se muestra una sola vez)',
    type: 'La escribo yo',
    temporary: 'Contraseña temporal',
    hint: 'Al menos 8 caracteres. Désela a la persona por teléfono o en persona, nunca por correo electrónico.',
    explain:
      '{username} debe elegir una contraseña nueva al iniciar sesión. Todas las sesiones de la cuenta terminan ahora; las claves de API no cambian.',
    submit: 'Restablecer la contraseña de {username}',
    cancel: 'Cancelar',
    generated: 'Contraseña temporal de {username}: {password}. Se muestra solo esta vez.',
    typed: 'La contraseña de {username} se restableció a la que escribió.',
  },
};

/**
 * An admin's password reset (POST /users/{id}/password-reset; audited by the server): a typed
 * temporary password, or one the server generates and returns once. The person changes it at
 * the next sign-in.
 */
export function PasswordReset({ username }: { username: string }) {
  const t = useText(TEXT);
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'generate' | 'type'>('generate');
  const [temporary, setTemporary] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const act = useAction(async () => {
    const r = await api.post<{ temporaryPassword?: string }>(
      `/users/${encodeURIComponent(username)}/password-reset`,
      mode === 'type' ? { temporaryPassword: temporary } : {},
    );
    setDone(
      r.temporaryPassword
        ? fill(t.generated, { username, password: r.temporaryPassword })
        : fill(t.typed, { username }),
    );
    setTemporary('');
    setOpen(false);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void act.run();
  };
  return (
    <div className="password-reset">
      {open ? (
        <form onSubmit={submit} aria-label={fill(t.legend, { username })}>
          <fieldset>
            <legend>{fill(t.legend, { username })}</legend>
            <label>
              <input
                type="radio"
                name={`mode-${username}`}
                checked={mode === 'generate'}
                onChange={() => setMode('generate')}
              />{' '}
              {t.generate}
            </label>
            <label>
              <input
                type="radio"
                name={`mode-${username}`}
                checked={mode === 'type'}
                onChange={() => setMode('type')}
              />{' '}
              {t.type}
            </label>
          </fieldset>
          {mode === 'type' ? (
            <Field label={t.temporary} hint={t.hint}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  autoComplete="off"
                  required
                  minLength={8}
                  maxLength={500}
                  value={temporary}
                  onChange={(e) => setTemporary(e.target.value)}
                />
              )}
            </Field>
          ) : null}
          <p>{fill(t.explain, { username })}</p>
          <button type="submit" className="danger" disabled={act.busy}>
            {fill(t.submit, { username })}
          </button>{' '}
          <button type="button" onClick={() => setOpen(false)}>
            {t.cancel}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          {fill(t.open, { username })}
        </button>
      )}
      <ErrorBanner error={act.error} />
      {done ? <Notice tone="success">{done}</Notice> : null}
    </div>
  );
}

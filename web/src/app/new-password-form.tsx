import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field } from '../ui/components';
import { useAction } from '../ui/use-api';
import { useText } from '../i18n/i18n';

const TEXT = {
  en: {
    title: 'Choose a new password',
    intro:
      'An administrator reset your password. Choose a new one to finish signing in; it replaces the temporary password.',
    newPassword: 'New password',
    hint: 'At least 8 characters, not the temporary password.',
    confirm: 'New password again',
    mismatch: 'The two passwords are not the same.',
    submit: 'Save and sign in',
    busy: 'Saving…',
    cancel: 'Back to sign-in',
  },
  es: {
    title: 'Elija una contraseña nueva',
    intro:
      'Un administrador restableció su contraseña. Elija una nueva para terminar de iniciar sesión; reemplaza la contraseña temporal.',
    newPassword: 'Contraseña nueva',
    hint: 'Al menos 8 caracteres, distinta de la contraseña temporal.',
    confirm: 'Repita la contraseña nueva',
    mismatch: 'Las dos contraseñas no son iguales.',
    submit: 'Guardar e iniciar sesión',
    busy: 'Guardando…',
    cancel: 'Volver a iniciar sesión',
  },
};

/** The change a reset asks for at sign-in (POST /auth/password checks the rules again). */
export function NewPasswordForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (newPassword: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const t = useText(TEXT);
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useAction(onSubmit);
  const mismatch = checked && again !== next ? t.mismatch : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (again !== next) return;
    await action.run(next);
  };
  return (
    <form className="card sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="new-password-title">
      <h1 id="new-password-title">{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorBanner error={action.error} />
      <Field label={t.newPassword} hint={t.hint}>
        {(p) => (
          <input
            {...p}
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={500}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        )}
      </Field>
      <Field label={t.confirm} error={mismatch}>
        {(p) => (
          <input
            {...p}
            name="new-password-again"
            type="password"
            autoComplete="new-password"
            required
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="primary" disabled={action.busy}>
        {action.busy ? t.busy : t.submit}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}

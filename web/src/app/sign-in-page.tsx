import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field, Notice } from '../ui/components';
import { useAction } from '../ui/use-api';
import { useLang, useText } from '../i18n/i18n';
import { api } from '../api/client';
import type { Patient } from '../api/types';
import { useSession, type Me } from './session';
import { NewPasswordForm } from './new-password-form';

const TEXT = {
  en: {
    title: 'Sign in to OpenPBM',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    intro: 'Members, prescribers, pharmacies and plan staff sign in here.',
    expired: 'Your session has ended. Please sign in again.',
    unreachable: 'OpenPBM could not be reached to resume your session. Check your connection, then sign in.',
  },
  es: {
    title: 'Iniciar sesión en OpenPBM',
    username: 'Usuario',
    password: 'Contraseña',
    submit: 'Iniciar sesión',
    busy: 'Iniciando sesión…',
    intro: 'Afiliados, recetadores, farmacias y personal del plan inician sesión aquí.',
    expired: 'Su sesión terminó. Inicie sesión de nuevo.',
    unreachable: 'No se pudo contactar a OpenPBM para continuar su sesión. Revise su conexión e inicie sesión.',
  },
};

export function SignInPage() {
  const t = useText(TEXT);
  const { signIn, changePassword, endedReason } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { setLang } = useLang();
  const action = useAction(signIn);
  // After an admin's password reset the server answers PASSWORD_CHANGE_REQUIRED to the right
  // temporary password: the person chooses a new one before the portal opens.
  const mustChange = action.error?.code === 'PASSWORD_CHANGE_REQUIRED';
  const opened = async (me: Me | undefined) => {
    // The person's stored language sets the portal's at sign-in (docs/design.md#portal-language): the one they chose
    // with the header's switch (any role, saved by PUT /me/language), else a member's language on file.
    // Languages the portal has no words for stay as they are.
    if (me?.language) setLang(me.language);
    else if (me?.role === 'member' && me.memberId) {
      const member = await api.get<Patient>(`/members/${encodeURIComponent(me.memberId)}`).catch(() => null);
      if (member?.language === 'es' || member?.language === 'en') setLang(member.language);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await opened(await action.run(username.trim(), password));
  };
  if (mustChange)
    return (
      <main id="main" className="sign-in">
        <NewPasswordForm
          onCancel={() => {
            action.clearError();
            setPassword('');
          }}
          onSubmit={async (newPassword) => opened(await changePassword(username.trim(), password, newPassword))}
        />
      </main>
    );
  return (
    <main id="main" className="sign-in">
      <form className="card sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t.title}</h1>
        <p>{t.intro}</p>
        {endedReason ? <Notice tone="warning">{t[endedReason]}</Notice> : null}
        <ErrorBanner error={action.error} />
        <Field label={t.username}>
          {(p) => (
            <input
              {...p}
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t.password}>
          {(p) => (
            <input
              {...p}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={action.busy}>
          {action.busy ? t.busy : t.submit}
        </button>
      </form>
    </main>
  );
}

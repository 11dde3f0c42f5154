import { useState } from 'react';
import { api } from '../../api/client';
import { fill, useText } from '../../i18n/i18n';
import { ErrorBanner, Notice } from '../../ui/components';
import { useAction } from '../../ui/use-api';
import { PasswordReset } from './password-reset';

const TEXT = {
  en: {
    active: 'Active',
    disabled: 'Disabled',
    disable: 'Disable {username}',
    enable: 'Enable {username}',
    revoke: 'Revoke API keys of {username}',
    confirmDisable:
      'Disable {username}? Their sign-ins, tokens and API keys stop working within 5 seconds. You can enable the account again.',
    yesDisable: 'Yes, disable {username}',
    cancel: 'Cancel',
    didDisable: '{username} is disabled.',
    didEnable: '{username} is enabled again.',
    didRevoke: '{count} API key(s) of {username} revoked.',
  },
  es: {
    active: 'Activa',
    disabled: 'Desactivada',
    disable: 'Desactivar {username}',
    enable: 'Activar {username}',
    revoke: 'Revocar las claves de API de {username}',
    confirmDisable:
      '¿Desactivar {username}? Sus inicios de sesión, tokens y claves de API dejan de funcionar en 5 segundos. Puede volver a activar la cuenta.',
    yesDisable: 'Sí, desactivar {username}',
    cancel: 'Cancelar',
    didDisable: '{username} está desactivada.',
    didEnable: '{username} está activa de nuevo.',
    didRevoke: 'Se revocaron {count} clave(s) de API de {username}.',
  },
};

/**
 * One account's status and the admin's actions on it: disable (after a confirmation), enable,
 * revoke API keys, reset the password (POST /users/{id}/disable|enable|api-keys/revoke|password-reset;
 * the server audits each).
 */
export function UserStatus({
  username,
  disabled,
  onChanged,
}: {
  username: string;
  disabled: boolean;
  onChanged: () => void;
}) {
  const t = useText(TEXT);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const path = `/users/${encodeURIComponent(username)}`;
  const act = useAction(async (action: 'disable' | 'enable' | 'revoke') => {
    if (action === 'revoke') {
      const r = await api.post<{ revoked: number }>(`${path}/api-keys/revoke`);
      setDone(fill(t.didRevoke, { count: r.revoked, username }));
      return;
    }
    await api.post(`${path}/${action}`);
    setDone(fill(action === 'disable' ? t.didDisable : t.didEnable, { username }));
    setConfirming(false);
    onChanged();
  });
  return (
    <div className="user-status">
      <span className={disabled ? 'badge badge-bad' : 'badge badge-good'}>{disabled ? t.disabled : t.active}</span>
      {confirming ? (
        <div role="group" aria-label={fill(t.disable, { username })}>
          <p>{fill(t.confirmDisable, { username })}</p>
          <button type="button" className="danger" disabled={act.busy} onClick={() => void act.run('disable')}>
            {fill(t.yesDisable, { username })}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t.cancel}
          </button>
        </div>
      ) : disabled ? (
        <button type="button" disabled={act.busy} onClick={() => void act.run('enable')}>
          {fill(t.enable, { username })}
        </button>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {fill(t.disable, { username })}
        </button>
      )}
      <button type="button" className="link-button" disabled={act.busy} onClick={() => void act.run('revoke')}>
        {fill(t.revoke, { username })}
      </button>
      <PasswordReset username={username} />
      <ErrorBanner error={act.error} />
      {done ? <Notice tone="success">{done}</Notice> : null}
    </div>
  );
}

import { useState } from 'react';
import { useText } from '../../i18n/i18n';
import { Async, Notice, Page, Section } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import type { UserSummary } from './api-types';
import { CreateUserForm, type CreatedUser } from './create-user-form';
import { ROLE_LABELS } from '../../ui/people';
import { UserStatus } from './user-status';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    title: 'Users',
    list: 'Accounts',
    caption: 'User accounts',
    username: 'Username',
    name: 'Name',
    role: 'Role',
    status: 'Status',
    empty: 'No users yet.',
    create: 'Create a user',
    created: 'Account {username} was created.',
    apiKey: 'API key (shown once — copy it now):',
  },
  es: {
    title: 'Usuarios',
    list: 'Cuentas',
    caption: 'Cuentas de usuario',
    username: 'Usuario',
    name: 'Nombre',
    role: 'Rol',
    status: 'Estado',
    empty: 'Aún no hay usuarios.',
    create: 'Crear un usuario',
    created: 'Se creó la cuenta {username}.',
    apiKey: 'Clave de API (se muestra una sola vez; cópiela ahora):',
  },
};

/** GET /users, and POST /users to add one (an API key, when asked for, is shown once). */
export function UsersPage() {
  const t = useText(TEXT);
  const users = useApi<{ items: UserSummary[] }>('/users');
  const [created, setCreated] = useState<CreatedUser | null>(null);
  return (
    <Page title={t.title}>
      {created ? (
        <Notice tone="success">
          <span>{t.created.replace('{username}', created.username)}</span>
          {created.apiKey ? (
            <span>
              {t.apiKey} <code className="admin-code">{created.apiKey}</code>
            </span>
          ) : null}
        </Notice>
      ) : null}
      <Section title={t.create}>
        <CreateUserForm
          onStart={() => setCreated(null)}
          onCreated={(u) => {
            setCreated(u);
            users.reload();
          }}
        />
      </Section>
      <Section title={t.list}>
        <Async state={users} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
          {(d) => <UserTable users={d.items} onChanged={users.reload} />}
        </Async>
      </Section>
    </Page>
  );
}

function UserTable({ users, onChanged }: { users: UserSummary[]; onChanged: () => void }) {
  const t = useText(TEXT);
  const roles = useText(ROLE_LABELS);
  const rows = [...users].sort((a, b) => a.role.localeCompare(b.role) || a.username.localeCompare(b.username));
  return (
    <TableBox label={t.caption}>
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.username}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.username}>
              <th scope="row">{u.username}</th>
              <td>{u.displayName ?? '—'}</td>
              <td>{roles[u.role as keyof typeof roles] ?? u.role}</td>
              <td>
                <UserStatus username={u.username} disabled={u.disabled} onChanged={onChanged} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

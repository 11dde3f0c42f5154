import { useEffect, useState } from 'react';
import { I18nProvider, useLang, useText } from '../i18n/i18n';
import { ErrorBanner, Loading, Page } from '../ui/components';
import { api } from '../api/client';
import type { Portal } from './portal';
import { Link, matchPath, RouterProvider, useRouter } from './router';
import { SessionProvider, useSession, type Role } from './session';
import { SignInPage } from './sign-in-page';

// Each role's portal is its own chunk: a member's phone downloads the member screens, not the
// reviewer's or the administrator's.
const PORTALS: Record<Role, () => Promise<Portal>> = {
  member: () => import('../portals/member').then((m) => m.memberPortal),
  prescriber: () => import('../portals/prescriber').then((m) => m.prescriberPortal),
  pharmacy: () => import('../portals/pharmacy').then((m) => m.pharmacyPortal),
  intake: () => import('../portals/intake').then((m) => m.intakePortal),
  'reviewer-pharmacist': () => import('../portals/reviewer').then((m) => m.reviewerPortal),
  'reviewer-physician': () => import('../portals/reviewer').then((m) => m.reviewerPortal),
  'member-services': () => import('../portals/member-services').then((m) => m.memberServicesPortal),
  admin: () => import('../portals/admin').then((m) => m.adminPortal),
};

const TEXT = {
  en: {
    skip: 'Skip to content',
    signOut: 'Sign out',
    language: 'Language',
    notFound: 'Page not found',
    notFoundBody: 'There is nothing at this address for your account.',
    home: 'Go to my home page',
    nav: 'Main',
  },
  es: {
    skip: 'Saltar al contenido',
    signOut: 'Cerrar sesión',
    language: 'Idioma',
    notFound: 'Página no encontrada',
    notFoundBody: 'No hay nada en esta dirección para su cuenta.',
    home: 'Ir a mi página de inicio',
    nav: 'Principal',
  },
};

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

function Gate() {
  const { me, checking } = useSession();
  if (checking) return <Loading />;
  if (!me) return <SignInPage />;
  return <PortalLoader role={me.role} />;
}

function PortalLoader({ role }: { role: Role }) {
  const [state, setState] = useState<{ role: Role; portal?: Portal; error?: string }>({ role });
  useEffect(() => {
    let live = true;
    setState({ role });
    PORTALS[role]()
      .then((portal) => live && setState({ role, portal }))
      .catch(
        () =>
          live && setState({ role, error: 'The page could not be loaded. Check your connection and reload the page.' }),
      );
    return () => {
      live = false;
    };
  }, [role]);
  if (state.error) return <ErrorBanner error={state.error} onRetry={() => window.location.reload()} />;
  if (!state.portal || state.role !== role) return <Loading />;
  return <Shell portal={state.portal} />;
}

function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const t = useText(TEXT);
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t.language}</span>
      <select
        value={lang}
        onChange={(e) => {
          const language = e.target.value as 'en' | 'es';
          setLang(language);
          // Remembered for the next sign-in, on any device (docs/design.md#portal-language); the switch works without it.
          api.put('/me/language', { language }).catch(() => undefined);
        }}
        aria-label={t.language}
      >
        <option value="en">English</option>
        <option value="es">Español</option>
      </select>
    </label>
  );
}

function Shell({ portal }: { portal: Portal }) {
  const { me, signOut } = useSession();
  const { path, navigate } = useRouter();
  const { lang } = useLang();
  const t = useText(TEXT);
  const landing = path === '/' || path === '/sign-in';
  useEffect(() => {
    if (landing) navigate(portal.home, { replace: true });
  }, [landing, portal.home, navigate]);

  let page = null;
  for (const route of portal.routes) {
    const params = matchPath(route.path, path);
    if (params) {
      page = route.render(params);
      break;
    }
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <header className="top">
        <Link to={portal.home} className="brand">
          OpenPBM
        </Link>
        <nav aria-label={t.nav}>
          <ul>
            {portal.nav.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  aria-current={
                    path === item.to || (item.to !== portal.home && path.startsWith(`${item.to}/`)) ? 'page' : undefined
                  }
                >
                  {item.label[lang]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>{me?.displayName ?? me?.username}</span>
          <LanguageSwitch />
          <button
            type="button"
            className="link-button"
            onClick={() => {
              signOut();
              navigate('/', { replace: true });
            }}
          >
            {t.signOut}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {page ??
          (landing ? (
            <Loading />
          ) : (
            <Page title={t.notFound}>
              <p>{t.notFoundBody}</p>
              <Link to={portal.home}>{t.home}</Link>
            </Page>
          ))}
      </main>
    </>
  );
}

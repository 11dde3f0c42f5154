import type { ApiError } from '../api/client';
import type { Lang } from '../i18n/i18n';

/**
 * A problem+json answer in the portal's language (docs/design.md#portal-language). The server's `detail` is
 * English (it is also for partners and logs); the portals read the problem's `code` — and, for a
 * validation failure, which fields — and say it in words of their own. English screens keep the
 * server's detail, which names the exact rule.
 */
const BY_CODE: Record<string, string> = {
  VALIDATION_FAILED: 'Revise los datos: falta un valor o no es válido.',
  CONFLICT: 'Esto ya existe o cambió mientras tanto. Vuelva a cargar la página y revise antes de intentarlo de nuevo.',
  INVALID_STATE: 'El caso ya no está en un estado que permita esta acción. Vuelva a cargar la página.',
  FORBIDDEN: 'Su cuenta no tiene permiso para ver o hacer esto.',
  NOT_FOUND: 'No se encontró lo que buscaba.',
  UNAUTHENTICATED: 'El usuario o la contraseña no son correctos, o su sesión terminó. Inicie sesión de nuevo.',
  PASSWORD_CHANGE_REQUIRED: 'Debe elegir una contraseña nueva antes de continuar.',
  RATE_LIMITED: 'Demasiados intentos seguidos. Espere un momento y vuelva a intentarlo.',
  PAYLOAD_TOO_LARGE: 'El archivo o los datos son demasiado grandes.',
  UNSUPPORTED_MEDIA_TYPE: 'Ese tipo de archivo no se acepta.',
  MALFORMED_JSON: 'La solicitud no se pudo leer. Vuelva a cargar la página e inténtelo de nuevo.',
  URI_TOO_LONG: 'La búsqueda es demasiado larga.',
  IMPORT_FAILED: 'No se pudo importar el archivo: revise su formato.',
  INTERNAL: 'Algo falló en el servidor. Inténtelo de nuevo en unos minutos.',
  SERVICE_UNAVAILABLE: 'El servicio no está disponible en este momento. Inténtelo de nuevo en unos segundos.',
};

function byStatus(status: number): string {
  if (status === 0) return 'No se pudo conectar con el servidor. Revise su conexión e inténtelo de nuevo.';
  if (status === 401) return BY_CODE.UNAUTHENTICATED;
  if (status === 403) return BY_CODE.FORBIDDEN;
  if (status === 404) return BY_CODE.NOT_FOUND;
  if (status === 409) return BY_CODE.CONFLICT;
  if (status === 429) return BY_CODE.RATE_LIMITED;
  if (status === 503) return BY_CODE.SERVICE_UNAVAILABLE;
  if (status >= 500) return BY_CODE.INTERNAL;
  return 'La solicitud no se pudo completar. Revise los datos e inténtelo de nuevo.';
}

/**
 * Words the server wrote in English for everyone (a claim's message, a reject's description, a coverage
 * note): quoted on English screens only; Spanish screens say the same thing in their own words.
 */
export function serverWords(text: string | null | undefined, lang: Lang): string | null {
  return lang === 'en' && text ? text : null;
}

/** The field a validation error names, as a path people can follow ("patient › dateOfBirth"). */
const fieldOf = (path: string) => path.replace(/^\//, '').replace(/\//g, ' › ');

export function problemText(error: ApiError, lang: Lang): string {
  if (lang === 'en') return error.message;
  const main = (error.code && BY_CODE[error.code]) || byStatus(error.status);
  const fields = [...new Set((error.problem.errors ?? []).map((e) => e.path).filter((p): p is string => !!p))];
  return fields.length ? `${main} (${fields.map(fieldOf).join('; ')})` : main;
}

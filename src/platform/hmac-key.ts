/**
 * The HS256 key of a token secret, imported once per process. Given the secret's bytes, jose
 * imports them into a CryptoKey on every sign and every verify (WebCrypto `importKey`, about a
 * quarter of a bearer token's check; issue #11: API CPU per request). The key is the same for the
 * same secret, so handing jose the imported key changes nothing it checks.
 */
const keys = new Map<string, Promise<CryptoKey>>();
/** A process holds one or two secrets (sign-in tokens, EHR client tokens); tests make more. */
const MAX_KEYS = 16;

export function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    // A secret WebCrypto refuses is not kept: the next call meets the same error, as before.
    key.catch(() => keys.delete(secret));
    keys.set(secret, key);
  }
  return key;
}

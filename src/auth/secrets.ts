/** Random secrets handed out once (session cookies, CSRF tokens, API tokens) and their stored hashes. */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export const API_TOKEN_PREFIX = 'dwz_';

/** 32 random bytes, base64url: unguessable, so a plain sha256 (not scrypt) is enough at rest. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A random password for generated accounts (the demo): 16 characters, no look-alikes. */
export function newPassword(length = 16): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe. */
export const randomSecret = () => randomBytes(32).toString('base64url');

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Keyed hash: rate-limit buckets hold no address or email in clear, nor a plain hash of one. */
export const keyedHash = (key: string, value: string) =>
  createHmac('sha256', key).update(value).digest('hex');

export function sameSecret(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length === 0) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

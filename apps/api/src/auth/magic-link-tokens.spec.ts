import { createHmac } from 'node:crypto';
import { MagicLinkTokens } from './magic-link-tokens';
import { maskEmail } from './sign-in.service';

const SECRET = 's'.repeat(40);
const tid = 'a'.repeat(43);

/** A JWT signed with SECRET carrying exactly `payload`. */
function forge(payload: object, secret = SECRET): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('MagicLinkTokens (passport-magic-login, tokens only)', () => {
  const tokens = new MagicLinkTokens(SECRET, 30);

  it('signs only the random id, with an expiry', async () => {
    const token = tokens.sign(tid);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.tid).toBe(tid);
    expect(claims.exp - claims.iat).toBe(30 * 60);
    await expect(tokens.verify(token)).resolves.toEqual({ ok: true, claims: { tid } });
  });

  it('never matches an empty or incomplete payload, even correctly signed', async () => {
    for (const payload of [
      {},
      { tid: '' },
      { tid: 42 },
      { destination: 'link' },
      { tid: 'short' },
    ]) {
      await expect(tokens.verify(forge(payload))).resolves.toEqual({
        ok: false,
        reason: 'INVALID',
      });
    }
  });

  it('tells an expired token from a forged one', async () => {
    await expect(tokens.verify(forge({ tid, exp: 1 }))).resolves.toEqual({
      ok: false,
      reason: 'EXPIRED',
    });
    await expect(tokens.verify(forge({ tid }, 'x'.repeat(40)))).resolves.toEqual({
      ok: false,
      reason: 'INVALID',
    });
    await expect(tokens.verify(forge({ tid, exp: 1 }, 'x'.repeat(40)))).resolves.toEqual({
      ok: false,
      reason: 'INVALID',
    });
    await expect(tokens.verify(undefined as unknown as string)).resolves.toEqual({
      ok: false,
      reason: 'INVALID',
    });
  });

  it('refuses unsigned tokens (alg none)', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    await expect(
      tokens.verify(`${part({ alg: 'none', typ: 'JWT' })}.${part({ tid })}.`),
    ).resolves.toMatchObject({ ok: false });
  });
});

describe('maskEmail', () => {
  it.each([
    ['olivier.dupont@demo.t3p.example', 'o******t@d***.example'],
    ['ab@x.fr', 'a*@x***.fr'],
    ['jean@gmail.com', 'j**n@g***.com'],
  ])('masks %s as %s', (email, masked) => expect(maskEmail(email)).toBe(masked));
});

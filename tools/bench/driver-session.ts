import { linkIn, waitForEmail } from '@t3p/e2e-kit';

/** Signs a demo driver in through the API (request email, sign-in link) and accepts the terms: the session cookie. */
export async function driverSession(
  base: string,
  driver: string,
): Promise<{ signInPath: string; cookie: string }> {
  const signInPath = new URL(
    linkIn(await waitForEmail(base, { to: driver, kind: 'IMAGE_REQUEST' }), '/connexion/'),
  ).pathname;
  const reference = signInPath.split('/').pop() as string;
  const since = new Date(Date.now() - 1000);
  await fetch(`${base}/api/auth/driver/sign-in-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reference }),
  });
  const token = new URL(
    linkIn(
      await waitForEmail(base, { to: driver, kind: 'SIGN_IN_LINK', since }),
      '/connexion/lien/',
    ),
  ).pathname
    .split('/')
    .pop();
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const view = (await (
    await fetch(`${base}/api/driver/request`, { headers: { cookie } })
  ).json()) as { currentTermsVersion: string };
  const terms = await fetch(`${base}/api/driver/request/terms`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ termsVersion: view.currentTermsVersion }),
  });
  if (!cookie || terms.status !== 204)
    throw new Error(`driver sign-in failed (${signIn.status}, terms ${terms.status})`);
  return { signInPath, cookie };
}

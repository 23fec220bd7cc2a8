import {
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { accessibilityViolations, linkIn, waitForEmail, WORKSPACE_ROOT } from '@t3p/e2e-kit';
import { join } from 'node:path';
import sharp from 'sharp';

export const SCREENSHOTS = join(WORKSPACE_ROOT, 'docs/screenshots');

export function baseUrlOf(page: Page): string {
  // Before the first navigation: the suite's server, moved like it by T3P_E2E_PORT_OFFSET.
  const served = `http://127.0.0.1:${4310 + Number(process.env['T3P_E2E_PORT_OFFSET'] ?? 0)}/`;
  return new URL(page.url() === 'about:blank' ? served : page.url()).origin;
}

/** A JPEG as a scanner would write it: pixels, a declared resolution, plain grey content. */
export async function jpeg(
  width: number,
  height: number,
  dpi: number,
  colour = { r: 200, g: 205, b: 210 },
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg({ quality: 85 })
    .withMetadata({ density: dpi })
    .toBuffer();
}

/** A JPEG drawn from SVG (a portrait silhouette, a handwritten stroke), so that the previews look real. */
async function drawn(svg: string, dpi: number): Promise<Buffer> {
  return sharp(Buffer.from(svg))
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .withMetadata({ density: dpi })
    .toBuffer();
}

export const validPhoto = () =>
  drawn(
    `<svg xmlns="http://www.w3.org/2000/svg" width="413" height="531">
      <rect width="413" height="531" fill="#e9eef3"/>
      <ellipse cx="206" cy="215" rx="92" ry="118" fill="#c89f84"/>
      <path d="M114 190 Q120 90 206 88 Q292 90 298 190 Q280 130 206 126 Q132 130 114 190 Z" fill="#4a3426"/>
      <path d="M40 531 Q52 372 206 360 Q360 372 372 531 Z" fill="#2f3e5c"/>
      <circle cx="172" cy="205" r="9" fill="#2b2b2b"/><circle cx="240" cy="205" r="9" fill="#2b2b2b"/>
      <path d="M176 275 Q206 292 236 275" stroke="#7a4b3a" stroke-width="6" fill="none"/>
    </svg>`,
    300,
  );
export const validSignature = () =>
  drawn(
    `<svg xmlns="http://www.w3.org/2000/svg" width="295" height="142">
      <rect width="295" height="142" fill="#ffffff"/>
      <path d="M20 95 C40 20 60 20 55 90 C52 120 80 40 100 60 C115 75 95 105 120 90 C140 78 150 40 165 70
               C175 92 190 60 205 72 C220 84 235 50 255 66 C265 74 270 88 280 80"
            stroke="#10184a" stroke-width="5" fill="none" stroke-linecap="round"/>
      <path d="M60 112 L250 104" stroke="#10184a" stroke-width="3" fill="none" stroke-linecap="round"/>
    </svg>`,
    300,
  );

/** Fails the test with the list of WCAG 2.1 A/AA violations of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** docs/screenshots/chauffeur-<step>-<360|1280>.png */
export async function screenshot(
  page: Page,
  info: TestInfo,
  name: string,
  fullPage = true,
): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({
    path: join(SCREENSHOTS, `chauffeur-${name}-${width}.png`),
    fullPage,
    animations: 'disabled',
  });
}

/** Presses a control with the keyboard (Enter on buttons and links, Space on a checkbox). */
export async function press(locator: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await locator.focus();
  await expect(locator).toBeFocused();
  await locator.press(key);
}

/** From the request email in the dev mailbox: the portal link (sign-in screen of the request). */
export async function requestLink(baseUrl: string, to: string, since?: Date): Promise<string> {
  const email = await waitForEmail(baseUrl, { to, kind: 'IMAGE_REQUEST', since });
  return linkIn(email, '/connexion/');
}

/**
 * On the sign-in screen of a request: "Envoyer", then the sign-in email's link, then
 * "Se connecter". Checks accessibility on each screen when asked.
 */
export async function signInFromScreen(
  page: Page,
  to: string,
  options: { check?: boolean; info?: TestInfo } = {},
): Promise<void> {
  const since = new Date(Date.now() - 1000);
  await expect(page.locator('h1')).toHaveText(/Connexion au portail/);
  if (options.check) await expectAccessible(page);
  if (options.info) await screenshot(page, options.info, '0-connexion');
  await page.getByRole('button', { name: /^Envoyer/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Courriel envoyé' })).toBeVisible();
  if (options.check) await expectAccessible(page);
  const email = await waitForEmail(baseUrlOf(page), { to, kind: 'SIGN_IN_LINK', since });
  await page.goto(linkIn(email, '/connexion/lien/'));
  await expect(page.locator('h1')).toHaveText(/Se connecter/);
  if (options.check) await expectAccessible(page);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/demande\//);
}

/** The whole sign-in from the request email to the wizard. */
export async function signInFromRequestEmail(
  page: Page,
  to: string,
  options: { check?: boolean; info?: TestInfo; since?: Date } = {},
) {
  await page.goto('/');
  const link = await requestLink(baseUrlOf(page), to, options.since);
  await page.goto(link);
  await signInFromScreen(page, to, options);
  return link;
}

/** Sets a file on the step's picker, as the file dialog would. */
export async function pickFile(
  page: Page,
  name: string,
  mimeType: string,
  buffer: Buffer,
): Promise<void> {
  await page.locator('input[type=file][id^="fichier-"]').setInputFiles({ name, mimeType, buffer });
}

/** An agent's session through the API only (the back-office is another app). */
export async function agentSession(
  request: APIRequestContext,
  baseUrl: string,
  email: string,
): Promise<{ csrf: string }> {
  const since = new Date(Date.now() - 1000);
  expect((await request.post('/api/auth/agent/sign-in-links', { data: { email } })).status()).toBe(
    202,
  );
  const message = await waitForEmail(baseUrl, { to: email, kind: 'SIGN_IN_LINK', since });
  const token = new URL(linkIn(message, '/prefecture/connexion/lien/')).pathname
    .split('/')
    .pop() as string;
  const answer = await request.post('/api/auth/sign-in', { data: { token } });
  expect(answer.ok()).toBe(true);
  return { csrf: ((await answer.json()) as { csrfToken: string }).csrfToken };
}

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  agentSession,
  baseUrlOf,
  expectAccessible,
  jpeg,
  pickFile,
  press,
  requestLink,
  screenshot,
  signInFromRequestEmail,
  signInFromScreen,
  validPhoto,
  validSignature,
} from './support';

/** Right after the dialog opens (no wait): is the focus inside it? */
async function focusInDialog(page: Page): Promise<boolean> {
  // As soon as the dialog is open (no wait for its fade-in): where is the focus?
  const handle = await page.waitForFunction(() => {
    const dialog = document.querySelector<HTMLDialogElement>('dialog#confirmation');
    return dialog?.open ? { inside: dialog.contains(document.activeElement) } : null;
  });
  return ((await handle.jsonValue()) as { inside: boolean }).inside;
}

/**
 * The driver's journey on the real app served by the real API (demo data on a fresh SQLite).
 * Both projects (360 px and 1280 px) share one server: each takes its own demo drivers.
 */
const DRIVERS: Record<string, { both: string; signatureOnly: string | null }> = {
  'mobile-360': {
    both: 'olivier.dupont@demo.t3p.example',
    signatureOnly: 'nadia.martin@demo.t3p.example',
  },
  // The desktop run gets its signature-only request from an agent's review (photo validated, signature rejected).
  'desktop-1280': { both: 'claire.lefevre@demo.t3p.example', signatureOnly: null },
};

test('from the request email to the récapitulatif: refusal, pre-check, expired session, "Annuler", "Valider"', async ({
  page,
  context,
}, info) => {
  test.setTimeout(120_000);
  const driver = DRIVERS[info.project.name].both;
  await signInFromRequestEmail(page, driver, { check: true, info });

  // 1. Détail
  await expect(page).toHaveURL(/\/demande\/detail$/);
  await expect(page.locator('h1')).toContainText('Détail');
  await expect(page.locator('h1')).toContainText('Étape 1 sur 5');
  await expect(
    page.getByText('Les images jointes à la demande de carte sont absentes.'),
  ).toBeVisible();
  await expect(page.getByTestId('contact-email')).toHaveCount(1);
  await expectAccessible(page);
  await screenshot(page, info, '1-detail');
  await page.getByRole('button', { name: 'Suivant' }).click();

  // 2. Engagement: the box is required, then stored through the API
  await expect(page).toHaveURL(/\/demande\/engagement$/);
  await page.getByRole('button', { name: 'Suivant' }).click();
  const box = page.getByRole('checkbox', { name: /J’ai lu et j’accepte/ });
  await expect(box).toBeFocused();
  await expect(page.getByText('Cochez cette case pour continuer')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, info, '2-engagement');
  await press(box, 'Space');
  await press(page.getByRole('button', { name: 'Suivant' }));

  // 3. Photo: criteria before the picker, a precise refusal, the instant pre-check, then a valid file
  await expect(page).toHaveURL(/\/demande\/photo$/);
  await expect(page.locator('h1')).toContainText('Étape 3 sur 5');
  await expect(page.getByText(/entre 300 et 400 DPI/).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, info, '3-photo');

  // Seen on the device before anything is sent; the assistant opens below to make a file that passes.
  await pickFile(page, 'photo-72dpi.jpg', 'image/jpeg', await jpeg(413, 531, 72));
  const result = page.locator('#resultat-depot');
  await expect(result).toContainText('Fichier à corriger');
  await expect(result).toContainText('pixels sont les bons');
  await expect(result).toContainText('Résolution mesurée : 72 DPI');
  await expect(result).toContainText('Attendue : entre 300 et 400 DPI');
  await expect(result).toContainText('Dimensions');
  await expect(result).toContainText('Comment corriger');
  await expect(result).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, info, '3-photo-refusee');

  await pickFile(
    page,
    'photo.jpg',
    'image/jpeg',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]),
  );
  await expect(result).toContainText('n’a pas été envoyé');
  await expect(result).toContainText('Format détecté : PNG');

  await pickFile(page, 'photo.jpg', 'image/jpeg', await validPhoto());
  await expect(result).toContainText('Fichier accepté');
  await expect(result).toBeFocused();
  const preview = page.getByRole('img', { name: 'Aperçu de votre photo d’identité' });
  await expect(preview).toBeVisible();
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expectAccessible(page);
  await screenshot(page, info, '3-photo-acceptee');

  // No skipping: the récapitulatif is not reachable before "Valider"
  await page.goto('/demande/recapitulatif');
  await expect(page).toHaveURL(/\/demande\/signature$/);

  // An expired session: back to sign-in, then to the same step
  await context.clearCookies();
  await page.reload();
  await expect(page).toHaveURL(/\/connexion\/[A-Za-z0-9_-]+\?session=expiree$/);
  await expect(page.getByText('Votre session a pris fin')).toBeVisible();
  await signInFromScreen(page, driver, { check: true });
  await expect(page).toHaveURL(/\/demande\/signature$/);

  // 4. Signature
  await expect(page.locator('h1')).toContainText('Étape 4 sur 5');
  await pickFile(page, 'signature.jpg', 'image/jpeg', await validSignature());
  await expect(result).toContainText('Fichier accepté');
  await expectAccessible(page);
  await screenshot(page, info, '4-signature');

  // Confirmation: "Annuler et recommencer" discards this pass and restarts at the first upload step
  await page.getByRole('button', { name: 'Suivant' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirmer l’envoi de vos images' });
  // Opened by mouse, the dialog has the focus at once (a screen reader announces it).
  expect(await focusInDialog(page)).toBe(true);
  await expect(dialog).toBeVisible();
  // It shows what is about to leave.
  for (const name of [
    'Photo d’identité que vous allez envoyer',
    'Signature que vous allez envoyer',
  ]) {
    const thumbnail = dialog.getByRole('img', { name });
    await expect(thumbnail).toBeVisible();
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
  }
  // DSFR fades the modal in (0.3 s): check what the driver reads once it is there.
  await expect(dialog).toHaveCSS('opacity', '1');
  await expectAccessible(page);
  await screenshot(page, info, '5-confirmation', false);
  await dialog.getByRole('button', { name: 'Annuler et recommencer' }).click();
  await expect(page).toHaveURL(/\/demande\/photo$/);
  await expect(page.getByText('Vos images ont été effacées')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Aperçu de votre photo d’identité' })).toHaveCount(0);
  await page.goto('/demande/signature');
  await expect(page).toHaveURL(/\/demande\/photo$/);

  // Again, then "Valider" (keyboard only for the buttons)
  await pickFile(page, 'photo.jpg', 'image/jpeg', await validPhoto());
  await expect(result).toContainText('Fichier accepté');
  await press(page.getByRole('button', { name: 'Suivant' }));
  await expect(page).toHaveURL(/\/demande\/signature$/);
  await pickFile(page, 'signature.jpg', 'image/jpeg', await validSignature());
  await expect(result).toContainText('Fichier accepté');
  await press(page.getByRole('button', { name: 'Suivant' }));
  // Opened by keyboard: the focus is in the dialog at once too.
  expect(await focusInDialog(page)).toBe(true);
  await expect(dialog).toBeVisible();
  await press(dialog.getByRole('button', { name: 'Valider' }));

  // 5. Récapitulatif, which a reload keeps
  await expect(page).toHaveURL(/\/demande\/recapitulatif$/);
  await expect(page.getByText('Vos images ont bien été envoyées')).toBeVisible();
  await expect(page.locator('h1')).toContainText('Étape 5 sur 5');
  await expect(page.getByRole('img', { name: 'Photo d’identité envoyée' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Signature envoyée' })).toBeVisible();
  await expectAccessible(page);
  // A best-practice rule outside the WCAG tags: no role a figure may not have.
  expect(
    (await new AxeBuilder({ page }).withRules(['aria-allowed-role']).analyze()).violations,
  ).toEqual([]);
  await screenshot(page, info, '6-recapitulatif');
  await page.reload();
  await expect(page).toHaveURL(/\/demande\/recapitulatif$/);
  await page.goto('/demande/photo');
  await expect(page).toHaveURL(/\/demande\/recapitulatif$/);
});

test('a signature-only request has no photo step', async ({ page, playwright }, info) => {
  let driver = DRIVERS[info.project.name].signatureOnly;
  let since: Date | undefined;
  if (!driver) {
    // An agent of Pas-de-Calais validates the photo and rejects the signature of a submitted request:
    // the rejection opens a new request for the signature alone, with its email.
    const baseUrl = baseUrlOf(page);
    const api = await playwright.request.newContext({ baseURL: baseUrl });
    const { csrf } = await agentSession(api, baseUrl, 'agent.pas-de-calais@demo.t3p.example');
    const list = (await (
      await api.get('/api/agent/dashboard/requests?state=SUBMITTED')
    ).json()) as {
      items: { id: string; pieces: string[]; driver: { lastName: string } }[];
    };
    const submitted = list.items.find((item) => item.driver.lastName === 'Fontaine');
    expect(submitted?.pieces).toEqual(['PHOTO', 'SIGNATURE']);
    since = new Date(Date.now() - 1000);
    const review = await api.post(`/api/agent/requests/${submitted?.id}/review`, {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        decisions: [
          { piece: 'PHOTO', outcome: 'VALIDATED' },
          {
            piece: 'SIGNATURE',
            outcome: 'REJECTED',
            reason: 'La signature est coupée sur le bord droit.',
          },
        ],
      },
    });
    expect(review.ok()).toBe(true);
    await api.dispose();
    driver = 'mehdi.fontaine@demo.t3p.example';
  }
  await signInFromRequestEmail(page, driver, { since });
  await expect(page.locator('h1')).toContainText('Étape 1 sur 4');
  await expect(page.getByText('Pièces à envoyer')).toBeVisible();
  await press(page.getByRole('button', { name: 'Suivant' }));
  await press(page.getByRole('checkbox', { name: /J’ai lu et j’accepte/ }), 'Space');
  await press(page.getByRole('button', { name: 'Suivant' }));
  await expect(page).toHaveURL(/\/demande\/signature$/);
  await expect(page.locator('h1')).toContainText('Étape 3 sur 4');
  await expect(page.getByText('Photo d’identité', { exact: true })).toHaveCount(0);
  await page.goto('/demande/photo');
  await expect(page).toHaveURL(/\/demande\/signature$/);
  await pickFile(page, 'signature.jpg', 'image/jpeg', await validSignature());
  await expect(page.locator('#resultat-depot')).toContainText('Fichier accepté');
  await press(page.getByRole('button', { name: 'Suivant' }));
  const dialog = page.getByRole('dialog', { name: 'Confirmer l’envoi de vos images' });
  await press(dialog.getByRole('button', { name: 'Valider' }));
  await expect(page).toHaveURL(/\/demande\/recapitulatif$/);
  await expect(page.getByRole('img', { name: 'Signature envoyée' })).toBeVisible();
  await expectAccessible(page);
});

test('a cancelled or validated application gets no sign-in link: the screen says it is closed and what to do', async ({
  page,
}, info) => {
  for (const [driver, title, words, shot] of [
    [
      'antoine.girard@demo.t3p.example',
      'Votre demande de carte est annulée',
      'adressez-vous à votre préfecture',
      '7-annulee',
    ],
    [
      'elodie.roux@demo.t3p.example',
      'Votre demande de carte est validée',
      'Demande validée, paiement à effectuer',
      '8-validee',
    ],
  ] as const) {
    await page.goto('/');
    await page.goto(await requestLink(baseUrlOf(page), driver));
    await page.getByRole('button', { name: /^Envoyer/ }).click();
    const closed = page.getByTestId('request-closed');
    await expect(closed).toContainText(title);
    await expect(closed).toContainText(words);
    await expect(closed).toContainText('aucun lien de connexion ne vous a donc été envoyé');
    await expect(page.getByRole('button', { name: /^Envoyer/ })).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, info, shot);
  }
});

test('a submitted request opens on its récapitulatif; validated meanwhile, the wizard shows its status', async ({
  page,
  playwright,
}) => {
  await signInFromRequestEmail(page, 'hugo.lambert@demo.t3p.example');
  await expect(page).toHaveURL(/\/demande\/recapitulatif$/);
  await expect(page.getByText('Vos images ont bien été envoyées')).toBeVisible();
  await expectAccessible(page);

  // Reloaded, a wizard page has its three start-up reads announced in the HTML answer
  // (Link: rel=preload): the browser fetches each once, and the portal uses those answers.
  const startupReads = ['/api/me', '/api/driver/application', '/api/driver/request'];
  const reads: string[] = [];
  const warnings: string[] = [];
  page.on('request', (request) => reads.push(new URL(request.url()).pathname));
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  const answer = await page.reload();
  expect(answer?.headers()['link']).toContain(
    '</api/driver/request>; rel=preload; as=fetch; crossorigin',
  );
  await expect(page.getByText('Vos images ont bien été envoyées')).toBeVisible();
  expect(reads.filter((path) => startupReads.includes(path)).sort()).toEqual(
    [...startupReads].sort(),
  );
  expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);

  if (test.info().project.name !== 'desktop-1280') return;
  // An agent validates the demo's submitted photo (a real drawn image): the driver's page shows the status.
  const baseUrl = baseUrlOf(page);
  const api = await playwright.request.newContext({ baseURL: baseUrl });
  const { csrf } = await agentSession(api, baseUrl, 'agent.nord@demo.t3p.example');
  const list = (await (await api.get('/api/agent/dashboard/requests?state=SUBMITTED')).json()) as {
    items: { id: string; driver: { lastName: string } }[];
  };
  const submitted = list.items.find((item) => item.driver.lastName === 'Lambert');
  expect((await api.get(`/api/agent/requests/${submitted?.id}/images/photo`)).status()).toBe(200);
  const review = await api.post(`/api/agent/requests/${submitted?.id}/review`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { decisions: [{ piece: 'PHOTO', outcome: 'VALIDATED' }] },
  });
  expect(review.ok()).toBe(true);
  await api.dispose();
  await page.reload();
  await expect(page).toHaveURL(/\/demande\/statut$/);
  await expect(page.locator('h1')).toHaveText('Votre demande de carte est validée');
  await expectAccessible(page);
});

test('a bad or used sign-in link says what happened to the link and offers a new one, not « session ended »', async ({
  page,
}) => {
  await page.goto('/');
  const link = await requestLink(baseUrlOf(page), 'julien.moreau@demo.t3p.example');
  const reference = new URL(link).pathname.split('/').pop() ?? '';
  await page.goto(`/connexion/lien/abc.def.ghi?ref=${reference}`);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('h1')).toHaveText('Ce lien de connexion n’est pas valide');
  await expect(page.getByRole('button', { name: 'Recevoir un nouveau lien' })).toBeVisible();
  await expectAccessible(page);
  // Going to the wizard without ever signing in here: « not signed in », never « your session ended ».
  await page.goto('/demande');
  await expect(page).toHaveURL(/\/(connexion\/[A-Za-z0-9_-]+|session-expiree)\?session=absente$/);
  await expect(page.getByRole('heading', { name: 'Vous n’êtes pas connecté' })).toBeVisible();
  await expect(page.getByText('Votre session a pris fin')).toHaveCount(0);
  await expectAccessible(page);
});

test('the portal link of the request email is the sign-in screen of that request', async ({
  page,
}) => {
  await page.goto('/');
  const link = await requestLink(baseUrlOf(page), 'julien.moreau@demo.t3p.example');
  expect(new URL(link).pathname).toMatch(/^\/connexion\/[A-Za-z0-9_-]{20,}$/);
});

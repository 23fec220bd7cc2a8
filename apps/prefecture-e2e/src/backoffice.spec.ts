import AxeBuilder from '@axe-core/playwright';
import {
  expect,
  test,
  type APIRequestContext,
  type Page,
  type PlaywrightWorkerArgs,
} from '@playwright/test';
import { accessibilityViolations, horizontalOverflow, linkIn, waitForEmail } from '@t3p/e2e-kit';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const NORD_AGENT = 'agent.nord@demo.t3p.example';
const PDC_AGENT = 'agent.pas-de-calais@demo.t3p.example';
/** The demo application of Nord with no image request yet. */
const DRIVER = 'sarah.petit@demo.t3p.example';

const origin = (baseURL: string | undefined) => new URL(baseURL ?? '').origin;

/** DSFR hides the native radio under its label: the label is what a person clicks. */
async function choose(page: Page, label: string): Promise<void> {
  await page.locator('label').getByText(label, { exact: true }).click();
  await expect(page.getByLabel(label, { exact: true })).toBeChecked();
}

/** A full-page capture of the screen for docs/screenshots (desktop flow only). */
const shot = (page: Page, name: string) =>
  page.screenshot({
    path: `${__dirname}/../../../docs/screenshots/prefecture-${name}.png`,
    fullPage: true,
    animations: 'disabled',
  });

/** From the dashboard's list, the review of `name`'s request. */
async function openReview(page: Page, name: string): Promise<void> {
  await page
    .getByRole('link', { name: `Examiner les images de ${name}` })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Examen des images de ${name}` }),
  ).toBeVisible();
}

async function expectNoViolation(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** Signs the agent in through the page: email form, link from the dev mailbox, confirmation button. */
async function signInAgent(page: Page, baseURL: string | undefined, email: string): Promise<void> {
  const since = new Date(Date.now() - 1000);
  await page.goto('connexion');
  await page.getByRole('textbox', { name: /adresse/i }).fill(email);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByText('Demande prise en compte')).toBeVisible();
  const mail = await waitForEmail(origin(baseURL), { to: email, kind: 'SIGN_IN_LINK', since });
  await page.goto(linkIn(mail, '/prefecture/connexion/lien/'));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/prefecture\/tableau-de-bord$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
}

/** Signs a session in through the API only (sign-in link email → POST /api/auth/sign-in); returns its CSRF token. */
async function apiSignIn(
  api: APIRequestContext,
  baseURL: string | undefined,
  to: string,
  send: () => Promise<unknown>,
): Promise<string> {
  const since = new Date(Date.now() - 1000);
  await send();
  const mail = await waitForEmail(origin(baseURL), { to, kind: 'SIGN_IN_LINK', since });
  const token = new URL(linkIn(mail, '/')).pathname.split('/').pop() ?? '';
  const response = await api.post('/api/auth/sign-in', { data: { token } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

const photo = () =>
  sharp({
    create: { width: 413, height: 531, channels: 3, background: { r: 205, g: 195, b: 185 } },
  })
    .jpeg({ quality: 80 })
    .withMetadata({ density: 300 })
    .toBuffer();
const signature = () =>
  sharp({ create: { width: 295, height: 142, channels: 3, background: 'white' } })
    .composite([
      {
        input: { create: { width: 200, height: 6, channels: 3, background: 'black' } },
        top: 80,
        left: 40,
      },
    ])
    .jpeg({ quality: 85 })
    .withMetadata({ density: 300 })
    .toBuffer();

/** A real photo with quality warnings: the labelled set's (tools/warnings-set) first face on a white background. */
function whiteBackgroundPhoto(): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 't3p-review-photo-'));
  const root = join(__dirname, '../../..');
  const args = [
    '--tsconfig',
    'tsconfig.base.json',
    'tools/warnings-set/make-warnings-set.ts',
    dir,
    '--people',
    '1',
  ];
  return new Promise<Buffer>((done, fail) =>
    execFile(
      join(root, 'node_modules/.bin/tsx'),
      args,
      { cwd: root, timeout: 300_000 },
      (error, _out, stderr) => {
        if (error) fail(new Error(stderr));
        else {
          const { files } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
            files: { file: string; expected: string[] }[];
          };
          done(
            readFileSync(
              join(
                dir,
                (files.find((f) => f.expected.includes('BACKGROUND_WHITE')) as { file: string })
                  .file,
              ),
            ),
          );
        }
      },
    ),
  ).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** The driver's side through the API: sign in from the request email, accept the terms, upload, "Valider". */
async function driverUploads(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string | undefined,
  since: Date,
  pieces: ('photo' | 'signature')[],
  { photoFile, driver = DRIVER }: { photoFile?: Buffer; driver?: string } = {},
): Promise<void> {
  const requestMail = await waitForEmail(origin(baseURL), {
    to: driver,
    kind: 'IMAGE_REQUEST',
    since,
  });
  const reference = decodeURIComponent(
    new URL(linkIn(requestMail, '/connexion/')).pathname.split('/').pop() ?? '',
  );
  const api = await playwright.request.newContext({ baseURL: origin(baseURL) });
  try {
    const csrf = await apiSignIn(api, baseURL, driver, () =>
      api.post('/api/auth/driver/sign-in-links', { data: { reference } }),
    );
    const headers = { 'X-CSRF-Token': csrf };
    const { currentTermsVersion } = (await (await api.get('/api/driver/request')).json()) as {
      currentTermsVersion: string;
    };
    expect(
      (
        await api.post('/api/driver/request/terms', {
          headers,
          data: { termsVersion: currentTermsVersion },
        })
      ).status(),
    ).toBe(204);
    for (const piece of pieces) {
      const buffer = piece === 'photo' ? (photoFile ?? (await photo())) : await signature();
      const uploaded = await api.put(`/api/driver/request/images/${piece}`, {
        headers,
        multipart: { file: { name: `${piece}.jpg`, mimeType: 'image/jpeg', buffer } },
      });
      expect(uploaded.status(), await uploaded.text()).toBe(201);
    }
    expect((await api.post('/api/driver/request/submit', { headers })).status()).toBe(200);
  } finally {
    await api.dispose();
  }
}

test.describe('the préfecture back-office', () => {
  test('every back-office page is accessible at this width', async ({ page, baseURL }) => {
    await signInAgent(page, baseURL, NORD_AGENT);
    await expectNoViolation(page);
    await page.getByRole('button', { name: /À examiner : \d+/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /Page 1/ })).toBeVisible();
    await page
      .getByRole('link', { name: /Dossier de|Examiner/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Chargement…')).toHaveCount(0);
    await expectNoViolation(page);
    await page.goto('tableau-de-bord');
    await page.getByRole('searchbox', { name: /Rechercher une demande de carte/ }).fill('Dupont');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('link', { name: /^Dupont Olivier — carte/ }).click();
    await expect(page.getByRole('heading', { name: 'Historique' })).toBeVisible();
    await expectNoViolation(page);
  });

  test('an agent asks for images, refuses one, then validates the new one: emails at each step', async ({
    page,
    baseURL,
    playwright,
  }, testInfo) => {
    test.skip(
      testInfo.project.name !== 'desktop-1280',
      'The flow changes the data: it runs once, at 1280 px.',
    );
    test.setTimeout(120_000);
    await signInAgent(page, baseURL, NORD_AGENT);
    await shot(page, 'dashboard');

    // New request for the application with no request yet, with the preview of its email.
    await page.getByRole('searchbox', { name: /Rechercher une demande de carte/ }).fill('Petit');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('link', { name: /^Petit Sarah — carte/ }).click();
    await expect(page.getByRole('heading', { name: 'Demander de nouvelles images' })).toBeVisible();
    await expectNoViolation(page);
    await page.getByRole('button', { name: 'Envoyer la demande au chauffeur' }).click();
    await expect(page.getByText('Choisissez les pièces à demander.')).toBeVisible();
    await choose(page, 'La photo et la signature');
    await page.getByLabel('Motif', { exact: true }).selectOption('PHOTO_BLURRY');
    await page
      .getByLabel(/Précision pour le chauffeur/)
      .fill('Merci de refaire la photo à la lumière du jour.');
    await page.getByRole('button', { name: 'Voir le courriel' }).click();
    await expect(page.getByRole('heading', { name: /Aperçu du courriel/ })).toBeVisible();
    await expect(page.getByText(/Objet :.*TAXI/)).toBeVisible();
    // The preview frame is as tall as the email: its button and footer are not cut off.
    const previewFrame = page.locator('iframe[title="Aperçu du courriel de demande d’images"]');
    await expect
      .poll(() =>
        previewFrame.evaluate(
          (frame: HTMLIFrameElement) =>
            frame.clientHeight - (frame.contentDocument?.documentElement.scrollHeight ?? 1e9),
        ),
      )
      .toBeGreaterThanOrEqual(0);
    // The email is shown in a sandboxed frame where no script (axe's included) may run: the page around it is checked.
    const withPreview = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .exclude('iframe')
      .options({ iframes: false })
      .analyze();
    expect(withPreview.violations.map((violation) => violation.id)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
    await shot(page, 'new-request-preview');
    const created = new Date(Date.now() - 1000);
    await page.getByRole('button', { name: 'Envoyer la demande au chauffeur' }).click();
    await expect(page.getByText('Demande d’images envoyée')).toBeVisible();
    // The request is not cancelled: it will be, at its deadline, if nothing is sent.
    // The template's line breaks around the sentence are not part of it.
    await expect(page.getByTestId('request-deadline')).toHaveText(
      /^\s*Sera annulée le (1er|\d{1,2}) \S+ \d{4} si aucune image n’est envoyée d’ici là\.\s*$/,
    );

    await driverUploads(playwright, baseURL, created, ['photo', 'signature']);

    // Review: the photo is refused, the signature validated.
    await page.goto('tableau-de-bord');
    await openReview(page, 'Petit Sarah');
    const printSize = page.getByRole('img', {
      name: 'Photo d’identité à la taille imprimée sur la carte',
    });
    await expect(printSize).toBeVisible();
    expect(await printSize.evaluate((img) => (img as HTMLImageElement).style.width)).toMatch(
      /^3[45](\.\d+)?mm$/,
    );
    await expect(page.getByText('300 DPI').first()).toBeVisible();
    await expectNoViolation(page);
    await choose(page, 'Refuser la photo d’identité');
    // The reason comes from the catalogue of the request reasons, then is edited.
    await page.getByLabel(/Motif courant/).selectOption('PHOTO_LIGHTING');
    const reason = page.getByLabel(/Motif du refus/);
    await expect(reason).toHaveValue('Le visage est mal éclairé (trop sombre, reflets ou ombres).');
    await reason.fill(
      'Le visage est mal éclairé (trop sombre, reflets ou ombres). Faites la photo face à une fenêtre.',
    );
    await choose(page, 'Valider la signature');
    await expect(
      page.getByText(/Une nouvelle demande d’images \(photo d’identité\) sera créée/),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmer la décision ?' })).toBeVisible();
    // The consequence is written once, in its callout; the confirmation does not repeat it.
    await expect(page.getByText(/sera créée/)).toHaveCount(1);
    // Before saving: the refused image's reason and the new request's email.
    await expect(
      page.getByText(
        /Motif enregistré pour la photo d’identité :.*Faites la photo face à une fenêtre/,
      ),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Courriel de la nouvelle demande (aperçu)' }),
    ).toBeVisible();
    await expect(page.locator('pre.review-mail')).toContainText(
      'Faites la photo face à une fenêtre.',
    );
    await expectNoViolation(page);
    await shot(page, 'review-confirm-rejection');
    const decidedUrl = page.url();
    const rejected = new Date(Date.now() - 1000);
    await page.getByRole('button', { name: 'Confirmer la décision' }).click();
    // Straight on to the next request of the queue (the demo's Lambert), with the way back.
    await expect(
      page.getByRole('heading', { level: 1, name: /Examen des images de Lambert Hugo/ }),
    ).toBeVisible();
    await expect(
      page.getByText('Votre décision sur la demande précédente est enregistrée'),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Revenir à la demande précédente' }).click();
    await expect(page).toHaveURL(decidedUrl);
    await expect(page.getByText(/Refusée\s+Le visage est mal éclairé/)).toBeVisible();
    const followUp = await waitForEmail(origin(baseURL), {
      to: DRIVER,
      kind: 'IMAGE_REQUEST',
      since: rejected,
    });
    expect(followUp.text).toContain('Faites la photo face à une fenêtre.');

    // The new photo is a real one with quality warnings (white background): the review shows them beside it.
    await driverUploads(playwright, baseURL, rejected, ['photo'], {
      photoFile: await whiteBackgroundPhoto(),
    });

    // Second review, by keyboard: the refused photo is shown beside the new one.
    await page.goto('tableau-de-bord');
    await page
      .getByRole('link', { name: /Examiner les images de Petit Sarah/ })
      .first()
      .click();
    await expect(
      page.getByRole('img', { name: 'Photo d’identité refusée lors de la demande précédente' }),
    ).toBeVisible();
    await expect(page.getByText(/Refusée le .*: Le visage est mal éclairé/)).toBeVisible();
    await page.locator('h1').click();
    await page.keyboard.press('v');
    await expect(page.getByLabel('Valider la photo d’identité')).toBeChecked();
    await expect(page.getByText(/recevra le courriel « demande de paiement »/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Avertissements de qualité' })).toBeVisible();
    await expect(page.getByText(/Le fond est blanc \(luminosité \d+\/255\)/)).toBeVisible();
    await expectNoViolation(page);
    await shot(page, 'review');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    const validated = new Date(Date.now() - 1000);
    await page.getByRole('button', { name: 'Confirmer la décision' }).click();
    await expect(
      page.getByText('Votre décision sur la demande précédente est enregistrée'),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Revenir à la demande précédente' }).click();
    await expect(page.getByText('Validée', { exact: true }).first()).toBeVisible();
    const payment = await waitForEmail(origin(baseURL), {
      to: DRIVER,
      kind: 'PAYMENT_REQUEST',
      since: validated,
    });
    expect(payment.subject).toContain('TAXI');

    // The timeline: who, when, and each email's delivery state.
    await page.getByRole('link', { name: 'Dossier du chauffeur' }).click();
    await expect(page.getByText('Images validées', { exact: true })).toBeVisible();
    await expect(page.getByText('Courriel « demande de paiement »')).toBeVisible();
    await expect(page.getByText(/par Camille Lefebvre/).first()).toBeVisible();
    await expect(
      page.getByText(/État d’envoi : remis au serveur de messagerie/).first(),
    ).toBeVisible();
    await expectNoViolation(page);
    await shot(page, 'application-timeline');
  });

  test('at 360 px, an agent refuses an image with a catalogue reason and lands on the next request to review', async ({
    page,
    baseURL,
    playwright,
  }) => {
    test.skip(
      page.viewportSize()?.width !== 360,
      'The 1280 px flow does the same in the Nord; this one changes the Pas-de-Calais data, once.',
    );
    test.setTimeout(90_000);
    // A second request to review in the Pas-de-Calais: Claire Lefèvre sends the images of her demo request.
    await driverUploads(playwright, baseURL, new Date(0), ['photo', 'signature'], {
      driver: 'claire.lefevre@demo.t3p.example',
    });
    await signInAgent(page, baseURL, PDC_AGENT);
    await openReview(page, 'Fontaine Mehdi');
    await choose(page, 'Refuser la photo d’identité');
    await page.getByLabel(/Motif courant/).selectOption('PHOTO_BACKGROUND');
    await expect(page.getByLabel(/Motif du refus/)).toHaveValue(
      'Le fond de la photo d’identité n’est pas uni et clair.',
    );
    await choose(page, 'Valider la signature');
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmer la décision ?' })).toBeVisible();
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirmer la décision' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: /Examen des images de Lefèvre Claire/ }),
    ).toBeVisible();
    await expect(
      page.getByText('Votre décision sur la demande précédente est enregistrée'),
    ).toBeVisible();
    await expect(page.getByText('Chargement…')).toHaveCount(0);
    expect(await horizontalOverflow(page)).toEqual([]);
    await expectNoViolation(page);
    await shot(page, 'review-360');
    await page.getByRole('link', { name: 'Revenir à la demande précédente' }).click();
    await expect(page.getByText(/Refusée\s+Le fond de la photo/)).toBeVisible();
  });

  test('the statistics page: the préfecture’s figures over a chosen period, tables beside the bars, no sideways scroll', async ({
    page,
    baseURL,
  }) => {
    const width = page.viewportSize()?.width ?? 0;
    await signInAgent(page, baseURL, NORD_AGENT);
    await page.getByRole('link', { name: 'Statistiques de la préfecture' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Statistiques de la préfecture' }),
    ).toBeVisible();
    await page.getByLabel('Période affichée').selectOption('365');
    const states = page.getByRole('table', { name: /Demandes créées sur la période/ });
    await expect(states.getByRole('row')).toHaveCount(7);
    await expect(states.getByRole('rowheader', { name: 'À examiner' })).toBeVisible();
    await expect(page.getByText(/Du .* au .* inclus : \d+ demande/)).toBeVisible();
    await expect(page.getByText(/approchés à ±2,5 % près/)).toBeVisible();
    // The demo's refusal (a photo too dark, six days ago) under its catalogue reason.
    const reasons = page.getByRole('table', { name: /Refus par motif/ });
    await expect(
      reasons.getByRole('rowheader', { name: 'Visage mal éclairé (sombre, reflets, ombres)' }),
    ).toBeVisible();
    // A period that cannot be: the API's French message.
    await page.getByLabel('Période affichée').selectOption('custom');
    await page.getByLabel('Du').fill('2026-02-10');
    await page.getByLabel('Au (inclus)').fill('2026-02-01');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'La date de début doit précéder la date de fin',
    );
    await page.getByLabel('Période affichée').selectOption('365');
    await expect(states).toBeVisible();
    expect(await horizontalOverflow(page)).toEqual([]);
    await expectNoViolation(page);
    await shot(page, `statistics-${width}`);
  });

  test('an agent of Nord cannot reach an application of Pas-de-Calais by URL', async ({
    page,
    baseURL,
    playwright,
  }) => {
    const api = await playwright.request.newContext({ baseURL: origin(baseURL) });
    let applicationId = '';
    try {
      await apiSignIn(api, baseURL, PDC_AGENT, () =>
        api.post('/api/auth/agent/sign-in-links', { data: { email: PDC_AGENT } }),
      );
      const page1 = (await (await api.get('/api/agent/dashboard/applications')).json()) as {
        items: { id: string }[];
      };
      applicationId = page1.items[0]?.id ?? '';
    } finally {
      await api.dispose();
    }
    expect(applicationId).toMatch(/^[0-9a-f-]{36}$/);
    await signInAgent(page, baseURL, NORD_AGENT);
    await page.goto(`dossiers/${applicationId}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Dossier introuvable' }),
    ).toBeVisible();
    await expect(page.getByText(/ne relève pas de votre préfecture/)).toBeVisible();
    expect((await page.request.get(`/api/agent/applications/${applicationId}`)).status()).toBe(404);
    expect(
      (await page.request.get(`/api/agent/applications/${applicationId}/audit`)).status(),
    ).toBe(404);
    await expectNoViolation(page);
  });

  test('a signed-out visitor is sent from the dashboard to the sign-in page', async ({ page }) => {
    await page.goto('tableau-de-bord');
    await expect(page).toHaveURL(/\/prefecture\/connexion$/);
  });
});

import {
  expect,
  test,
  type Page,
  type PlaywrightWorkerArgs,
  type Response,
  type TestInfo,
} from '@playwright/test';
import { isBaselineJpeg } from '@t3p/image-assistant';
import { parseJpegHeader } from '@t3p/image-rules';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  assistantInputsIn,
  samplePhonePhoto,
  WORKSPACE_ROOT,
  type AssistantInput,
} from '@t3p/e2e-kit';
import {
  agentSession,
  baseUrlOf,
  expectAccessible,
  pickFile,
  press,
  screenshot,
  signInFromRequestEmail,
  validPhoto,
} from './support';

/**
 * The photo and signature assistant in the real portal: each realistic input goes through it
 * with its default placement and is confirmed by the server's answer to the upload.
 */

const SARAH = 'sarah.petit@demo.t3p.example';
const PHOTO_ONLY: Record<string, string> = {
  'mobile-360': 'julien.moreau@demo.t3p.example',
  'desktop-1280': 'thomas.caron@demo.t3p.example',
};

/**
 * Sarah Petit's application has no image request: an agent of Nord asks for both images. Returns
 * when the request email was sent, or undefined when an earlier test of this run already asked.
 */
async function askSarahForImages(
  page: Page,
  playwright: PlaywrightWorkerArgs['playwright'],
): Promise<Date | undefined> {
  const baseUrl = baseUrlOf(page);
  const api = await playwright.request.newContext({ baseURL: baseUrl });
  const { csrf } = await agentSession(api, baseUrl, 'agent.nord@demo.t3p.example');
  const list = (await (await api.get('/api/agent/dashboard/applications?q=Petit')).json()) as {
    items: { id: string; driver: { lastName: string } }[];
  };
  const application = list.items.find((item) => item.driver.lastName === 'Petit');
  const since = new Date(Date.now() - 1000);
  const created = await api.post(`/api/agent/applications/${application?.id}/requests`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { pieces: ['PHOTO', 'SIGNATURE'], reasonCode: 'IMAGES_MISSING' },
  });
  expect([201, 409]).toContain(created.status());
  await api.dispose();
  return created.status() === 201 ? since : undefined;
}

async function throughDetailAndTerms(page: Page): Promise<void> {
  await press(page.getByRole('button', { name: 'Suivant' }));
  await press(page.getByRole('checkbox', { name: /J’ai lu et j’accepte/ }), 'Space');
  await press(page.getByRole('button', { name: 'Suivant' }));
}

const uploadOf = (page: Page, piece: 'photo' | 'signature') =>
  page.waitForResponse(
    (r) =>
      r.url().includes(`/api/driver/request/images/${piece}`) && r.request().method() === 'PUT',
    { timeout: 30_000 },
  );

/** Keeps every file the page puts in a FormData (Playwright does not expose a multipart body holding a Blob). */
async function watchSentFiles(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const append = FormData.prototype.append;
    const sent: Blob[] = [];
    (globalThis as unknown as { sentFiles: Blob[] }).sentFiles = sent;
    FormData.prototype.append = function (
      this: FormData,
      ...args: [string, string | Blob, string?]
    ) {
      if (args[1] instanceof Blob) sent.push(args[1]);
      return (append as (...a: unknown[]) => void).apply(this, args);
    };
  });
}

/** The last file the page sent, as bytes. */
async function lastSentFile(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const sent = (globalThis as unknown as { sentFiles: Blob[] }).sentFiles;
    return Array.from(new Uint8Array(await sent[sent.length - 1].arrayBuffer()));
  });
  return Buffer.from(bytes);
}

interface Tally {
  file: string;
  firstTry: boolean;
  afterAdjustments: boolean;
  bytes: number | null;
  quality: string;
}

test.describe('the assistant on the corpus', () => {
  test('≥ 95 % valid at the first try, 100 % after adjustments; a compliant file is sent unchanged', async ({
    page,
    playwright,
  }, info) => {
    test.skip(
      info.project.name !== 'desktop-1280',
      'the corpus runs once, in the 1280 px project (one demo driver for it)',
    );
    test.setTimeout(900_000);
    const inputs = await assistantInputsIn(join(WORKSPACE_ROOT, 'tmp/assistant-inputs'));
    expect(inputs.length).toBeGreaterThanOrEqual(40);
    await watchSentFiles(page);
    await page.goto('/');
    const since = await askSarahForImages(page, playwright);
    await signInFromRequestEmail(page, SARAH, { since });
    await throughDetailAndTerms(page);
    await expect(page).toHaveURL(/\/demande\/photo$/);

    const tally: Tally[] = [];
    const run = async (input: AssistantInput, piece: 'photo' | 'signature') => {
      const confirm = page.getByRole('button', {
        name: piece === 'photo' ? 'Valider le cadrage' : 'Valider la signature',
      });
      const answer = uploadOf(page, piece);
      await pickFile(page, input.file, input.mimeType, input.bytes);
      if (input.passesAsIs) {
        const response = await answer;
        expect(response.status()).toBe(201);
        // Sent as it is: the same bytes, the same SHA-256.
        expect(((await response.json()) as { sha256: string }).sha256).toBe(
          createHash('sha256').update(input.bytes).digest('hex'),
        );
        tally.push({
          file: input.file,
          firstTry: true,
          afterAdjustments: true,
          bytes: input.bytes.length,
          quality: 'unchanged',
        });
        // The step is done with this file (and takes the next one) once it says so; the answer alone comes earlier.
        await expect(page.locator('#resultat-depot')).toContainText(`« ${input.file} »`);
        return;
      }
      const attempt = async (): Promise<Response | null> => {
        const failed = page.getByRole('alert').filter({ hasText: /introuvable|impossible/ });
        await expect(confirm.or(failed)).toBeVisible({ timeout: 30_000 });
        if (await failed.isVisible()) return null;
        await confirm.click();
        return answer;
      };
      /** Valid on the server and, for a signature, white paper with dark ink in the file that was sent. */
      const good = async (response: Response | null): Promise<Buffer | null> => {
        if (response?.status() !== 201) return null;
        const jpeg = await lastSentFile(page);
        if (piece === 'signature') {
          const stats = await sharp(jpeg).stats();
          if (!(stats.channels[0].mean > 200 && stats.channels[0].min < 90)) return null;
        }
        return jpeg;
      };
      let jpeg = await good(await attempt());
      const firstTry = jpeg !== null;
      if (!firstTry) {
        // The driver's adjustments: zoom in on the photo; a wider margin and darker ink for a signature.
        // Kept by the server but not right: the driver chooses the same picture again.
        if (!(await confirm.isVisible())) {
          await pickFile(page, input.file, input.mimeType, input.bytes);
          await expect(confirm).toBeVisible({ timeout: 30_000 });
        }
        const retry = uploadOf(page, piece);
        if (piece === 'photo') await page.getByRole('button', { name: 'Agrandir' }).click();
        else {
          await page.getByRole('button', { name: 'Plus de marge' }).click();
          await page.getByRole('button', { name: 'Encre plus foncée' }).click();
        }
        await confirm.click();
        jpeg = await good(await retry);
      }
      expect(jpeg, input.file).not.toBeNull();
      if (jpeg === null) return;
      // Kept for a look (and the docs): what the assistant made of each input.
      mkdirSync(join(WORKSPACE_ROOT, 'tmp/assistant-outputs'), { recursive: true });
      writeFileSync(
        join(WORKSPACE_ROOT, 'tmp/assistant-outputs', input.file.replace(/\.\w+$/, '.jpg')),
        jpeg,
      );
      // Only the result was sent: a baseline JPEG under the limit, without EXIF, never the input.
      expect(jpeg.length).toBeGreaterThan(1000);
      expect(jpeg.length).toBeLessThanOrEqual(piece === 'photo' ? 81920 : 51200);
      expect(isBaselineJpeg(new Uint8Array(jpeg)), input.file).toBe(true);
      const header = parseJpegHeader(new Uint8Array(jpeg));
      expect(header.ok && header.header.exif).toBe(null);
      tally.push({
        file: input.file,
        firstTry,
        afterAdjustments: true,
        bytes: jpeg.length,
        quality: 'assistant',
      });
      await expect(page.locator('#resultat-depot')).toContainText('Fichier accepté');
    };

    for (const input of inputs.filter((i) => i.kind === 'photo')) {
      if (input.undecodable) {
        await pickFile(page, input.file, input.mimeType, input.bytes);
        await expect(page.getByRole('alert').filter({ hasText: 'HEIC' })).toBeVisible();
        continue;
      }
      await run(input, 'photo');
    }
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect(page).toHaveURL(/\/demande\/signature$/);
    for (const input of inputs.filter((i) => i.kind === 'signature')) await run(input, 'signature');

    const first = tally.filter((t) => t.firstTry).length;
    const after = tally.filter((t) => t.afterAdjustments).length;
    writeFileSync(
      join(WORKSPACE_ROOT, 'tmp/assistant-corpus-result.json'),
      JSON.stringify({ total: tally.length, first, after, tally }, null, 2),
    );
    expect(first / tally.length).toBeGreaterThanOrEqual(0.95);
    expect(after).toBe(tally.length);
  });
});

test('keyboard only: move, zoom and confirm a photo’s frame; axe finds nothing on the editor', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await signInFromRequestEmail(page, PHOTO_ONLY[info.project.name]);
  await throughDetailAndTerms(page);
  await expect(page).toHaveURL(/\/demande\/photo$/);
  const phone = await samplePhonePhoto();
  await pickFile(page, phone.file, phone.mimeType, phone.bytes);
  await expect(page.locator('#resultat-depot')).toContainText('Fichier à corriger');
  const frame = page.getByTestId('photo-frame');
  await expect(frame).toBeVisible({ timeout: 30_000 });
  // The first frame is placed on the head the detector finds (lazy chunk): wait for it.
  await expect(page.locator('app-photo-editor')).toHaveAttribute(
    'data-frame-start',
    /^(face|centre)$/,
    { timeout: 30_000 },
  );
  await expectAccessible(page);
  await screenshot(page, info, 'assistant-photo');

  // Tab to the frame, as a keyboard user would.
  for (let i = 0; i < 40 && !(await frame.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(frame).toBeFocused();
  const state = page.locator('#editeur-etat');
  const zoom = async () => Number(/Zoom : (\d+) %/.exec((await state.textContent()) ?? '')?.[1]);
  const start = await zoom();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(async () => Math.abs((await zoom()) - start * 1.21) <= 1).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowUp');
  const validate = page.getByRole('button', { name: 'Valider le cadrage' });
  for (let i = 0; i < 30 && !(await validate.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(validate).toBeFocused();
  const answer = uploadOf(page, 'photo');
  await page.keyboard.press('Enter');
  expect((await answer).status()).toBe(201);
  await expect(page.locator('#resultat-depot')).toContainText('Fichier accepté');
});

/** Sarah Petit at her signature step (asked for images, terms accepted, a photo kept). */
async function sarahAtSignature(
  page: Page,
  playwright: PlaywrightWorkerArgs['playwright'],
): Promise<void> {
  await page.goto('/');
  const since = await askSarahForImages(page, playwright);
  await signInFromRequestEmail(page, SARAH, { since });
  await page.waitForURL(/\/demande\/(detail|photo|signature)$/);
  if (page.url().endsWith('/demande/detail')) await throughDetailAndTerms(page);
  await page.waitForURL(/\/demande\/(photo|signature)$/);
  if (
    page.url().endsWith('/demande/photo') &&
    (await page.getByRole('img', { name: 'Aperçu de votre photo d’identité' }).count()) === 0
  ) {
    await pickFile(page, 'photo.jpg', 'image/jpeg', await validPhoto());
    await expect(page.locator('#resultat-depot')).toContainText('Fichier accepté');
  }
  await page.goto('/demande/signature');
  await expect(page).toHaveURL(/\/demande\/signature$/);
}

/** The signature tests: one demo driver (Sarah Petit), so the 1280 px project only (360 px screenshots are taken in them). */
async function sarahAtSignatureOnDesktop(
  page: Page,
  playwright: PlaywrightWorkerArgs['playwright'],
  info: TestInfo,
): Promise<void> {
  test.skip(
    info.project.name !== 'desktop-1280',
    'one demo driver (Sarah Petit) for the signature tests: the 1280 px project only; 360 px screenshots are taken here',
  );
  test.setTimeout(180_000);
  await sarahAtSignature(page, playwright);
}

test('the signature pad: draw, undo, clear, confirm; axe finds nothing on it', async ({
  page,
  playwright,
}, info) => {
  await sarahAtSignatureOnDesktop(page, playwright, info);
  await page.getByRole('button', { name: 'Signer sur l’écran' }).click();
  const pad = page.getByTestId('signature-pad');
  await expect(pad).toBeVisible();
  await expect(page.locator('#pad-aide')).toContainText('signature manuscrite habituelle');
  await expectAccessible(page);
  const stroke = async (points: [number, number][]) => {
    // Where the pad is now (a click elsewhere may have scrolled the page).
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox()) as {
      x: number;
      y: number;
      width: number;
      height: number;
    };
    await page.mouse.move(box.x + points[0][0] * box.width, box.y + points[0][1] * box.height);
    await page.mouse.down();
    for (const [x, y] of points.slice(1))
      await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 4 });
    await page.mouse.up();
  };
  const wave: [number, number][] = [
    [0.1, 0.6],
    [0.2, 0.3],
    [0.3, 0.7],
    [0.4, 0.3],
    [0.5, 0.7],
    [0.6, 0.35],
    [0.7, 0.65],
    [0.85, 0.4],
  ];
  await stroke(wave);
  await stroke([
    [0.15, 0.8],
    [0.8, 0.75],
  ]);
  await expect(page.getByText('2 trait(s) tracé(s).')).toBeVisible();
  await page.getByRole('button', { name: 'Annuler le dernier trait' }).click();
  await expect(page.getByText('1 trait(s) tracé(s).')).toBeVisible();
  await page.getByRole('button', { name: 'Tout effacer' }).click();
  await expect(page.getByText('Aucun trait pour l’instant.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Valider la signature' })).toBeDisabled();
  await stroke(wave);
  await stroke([
    [0.15, 0.8],
    [0.8, 0.75],
  ]);
  await screenshot(page, info, 'assistant-pad');
  await page.setViewportSize({ width: 360, height: 780 });
  await screenshot(page, info, 'assistant-pad');
  await page.setViewportSize({ width: 1280, height: 900 });
  const answer = uploadOf(page, 'signature');
  await page.getByRole('button', { name: 'Valider la signature' }).click();
  const response = await answer;
  expect(response.status()).toBe(201);
  const measured = (
    (await response.json()) as { measured: { widthPx: number; heightPx: number; dpiX: number } }
  ).measured;
  expect(measured).toMatchObject({ widthPx: 295, heightPx: 142, dpiX: 300 });
  await expect(page.locator('#resultat-depot')).toContainText('Fichier accepté');
  // The true-size preview now holds both images of the pass, on Sarah Petit's TAXI card.
  const card = page.getByTestId('card-preview');
  await expect(card).toHaveAttribute('data-card-type', 'TAXI');
  await expect(card).toHaveAccessibleName(
    'Maquette de votre carte TAXI avec votre photo et votre signature à leur taille d’impression',
  );
  await expect(card.locator('.card__signature img')).toHaveJSProperty('complete', true);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, info, 'assistant-apercu-signature');
  await page.setViewportSize({ width: 360, height: 780 });
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, info, 'assistant-apercu-signature');
});

test('beside the pad, a keyboard user is offered the file route, and follows it to the signature assistant', async ({
  page,
  playwright,
}, info) => {
  await sarahAtSignatureOnDesktop(page, playwright, info);
  await press(page.getByRole('button', { name: 'Signer sur l’écran' }));
  const fileRoute = page.getByRole('button', {
    name: 'Envoyez plutôt une photo ou un scan de votre signature',
  });
  for (let i = 0; i < 10 && !(await fileRoute.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(fileRoute).toBeFocused();
  await page.keyboard.press('Enter');
  const picker = page.locator('#fichier-signature');
  await expect(picker).toBeFocused();
  await expect(page.getByTestId('signature-pad')).toHaveCount(0);
  // The file dialog itself is the system's: Playwright hands it the file a keyboard user would pick there.
  const inputs = await assistantInputsIn(join(WORKSPACE_ROOT, 'tmp/assistant-inputs'));
  const shot = inputs.find(
    (i) => i.file === 'signature-telephone-ombre-moyenne.jpg',
  ) as AssistantInput;
  await picker.setInputFiles({ name: shot.file, mimeType: shot.mimeType, buffer: shot.bytes });
  await expect(page.getByTestId('signature-preview')).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
  await screenshot(page, info, 'assistant-signature');
  await page.setViewportSize({ width: 360, height: 780 });
  await screenshot(page, info, 'assistant-signature');
  await page.setViewportSize({ width: 1280, height: 900 });
  const validate = page.getByRole('button', { name: 'Valider la signature' });
  for (let i = 0; i < 30 && !(await validate.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(validate).toBeFocused();
  const answer = uploadOf(page, 'signature');
  await page.keyboard.press('Enter');
  expect((await answer).status()).toBe(201);
  await expect(page.locator('#resultat-depot')).toContainText('Fichier accepté');
});

/** To the photo step, whether an earlier test of this run already accepted the terms or not. */
async function toPhotoStep(page: Page): Promise<void> {
  await page.waitForURL(/\/demande\/(detail|engagement|photo)$/);
  if (page.url().endsWith('/demande/detail'))
    await press(page.getByRole('button', { name: 'Suivant' }));
  await page.waitForURL(/\/demande\/(engagement|photo)$/);
  if (page.url().endsWith('/demande/engagement')) {
    await press(page.getByRole('checkbox', { name: /J’ai lu et j’accepte/ }), 'Space');
    await press(page.getByRole('button', { name: 'Suivant' }));
  }
  await expect(page).toHaveURL(/\/demande\/photo$/);
}

const CARD_TYPE_OF: Record<string, string> = {
  'julien.moreau@demo.t3p.example': 'TAXI',
  'thomas.caron@demo.t3p.example': 'VMDTR',
};

test('the true-size preview: the request’s card type, calibrated against a bank card, the calibration kept on the device', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const driver = PHOTO_ONLY[info.project.name];
  await signInFromRequestEmail(page, driver);
  await toPhotoStep(page);
  if ((await page.getByRole('img', { name: 'Aperçu de votre photo d’identité' }).count()) === 0) {
    await pickFile(page, 'photo.jpg', 'image/jpeg', await validPhoto());
    await expect(page.locator('#resultat-depot')).toContainText('Fichier accepté');
  }
  const card = page.getByTestId('card-preview');
  const note = page.getByTestId('card-size-note');
  await expect(card).toHaveAttribute('data-card-type', CARD_TYPE_OF[driver]);
  await expect(
    page.getByRole('heading', {
      name: `Aperçu à taille réelle sur votre carte ${CARD_TYPE_OF[driver]}`,
    }),
  ).toBeVisible();
  await expect(card).toHaveAccessibleName(
    `Maquette de votre carte ${CARD_TYPE_OF[driver]} avec votre photo à leur taille d’impression`,
  );
  // The photo shown on the card is the accepted one.
  await expect(card.locator('.card__photo img')).toHaveJSProperty('complete', true);
  expect(
    await card.locator('.card__photo img').evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBe(413);
  // Not calibrated: the browser's millimetre, said to be approximate.
  await expect(note).toContainText('Taille approximative');
  const noHorizontalScroll = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
  expect(await noHorizontalScroll()).toBe(true);
  await expectAccessible(page);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, info, 'assistant-apercu');

  // Calibration: keyboard on the slider, then a drag of the rectangle's edge, then saved.
  await press(
    page.getByRole('button', { name: 'Régler la taille réelle avec une carte bancaire' }),
  );
  const rectangle = page.getByTestId('calibration-card');
  await expect(rectangle).toBeVisible();
  await expectAccessible(page);
  expect(await noHorizontalScroll()).toBe(true);
  const slider = page.getByRole('slider', { name: /Largeur du rectangle/ });
  const before = Number(await slider.inputValue());
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Number(await slider.inputValue())).toBeCloseTo(before - 0.1, 2);
  await expect(note).toContainText('en cours de réglage');
  const box = (await rectangle.boundingBox()) as {
    x: number;
    y: number;
    width: number;
    height: number;
  };
  await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 4 - 27, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(async () => Number(await slider.inputValue()))
    .toBeCloseTo(before - 0.1 - 27 / 53.98, 1);
  const chosen = Number(await slider.inputValue());
  await rectangle.scrollIntoViewIfNeeded();
  await screenshot(page, info, 'assistant-etalonnage');
  await press(page.getByRole('button', { name: 'Enregistrer ce réglage' }));
  await expect(note).toContainText('Taille réelle, d’après le réglage fait sur cet appareil');
  expect(
    Number(await page.evaluate(() => localStorage.getItem('t3p.chauffeur.px-par-mm'))),
  ).toBeCloseTo(chosen, 3);
  const widthOf = async () => ((await card.boundingBox()) as { width: number }).width;
  const roomWidth = await card.evaluate((el) => (el.parentElement as HTMLElement).clientWidth);
  expect(await widthOf()).toBeCloseTo(Math.min(85.6 * chosen, roomWidth), 0);

  // Kept on the device: after a reload, the same size, said to be real.
  await page.reload();
  await expect(note).toContainText('Taille réelle, d’après le réglage fait sur cet appareil');
  expect(await widthOf()).toBeCloseTo(Math.min(85.6 * chosen, roomWidth), 0);
  expect(await noHorizontalScroll()).toBe(true);
  await press(page.getByRole('button', { name: 'Refaire le réglage avec une carte bancaire' }));
  await press(page.getByRole('button', { name: 'Revenir à la taille approximative' }));
  await expect(note).toContainText('Taille approximative');
  expect(await page.evaluate(() => localStorage.getItem('t3p.chauffeur.px-par-mm'))).toBeNull();
});

test('the camera button (capture) opens the camera’s photo in the same editor', async ({
  page,
}, info) => {
  test.skip(
    info.project.name !== 'mobile-360',
    'the camera button is shown on phones only (fr-hidden-md)',
  );
  test.setTimeout(120_000);
  await signInFromRequestEmail(page, PHOTO_ONLY[info.project.name]);
  await toPhotoStep(page);
  const camera = page.getByLabel(/Ou prendre une photo avec le téléphone/);
  await expect(camera).toBeVisible();
  await expect(camera).toHaveAttribute('capture', 'user');
  await expect(camera).toHaveAttribute('accept', 'image/*');
  // The camera itself is the phone's: Playwright hands the input the photo the camera would give.
  const phone = await samplePhonePhoto();
  await camera.setInputFiles({ name: phone.file, mimeType: phone.mimeType, buffer: phone.bytes });
  await expect(page.getByTestId('photo-frame')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Corriger ma photo' })).toBeVisible();
  const answer = uploadOf(page, 'photo');
  await page.getByRole('button', { name: 'Valider le cadrage' }).click();
  expect((await answer).status()).toBe(201);
  await expect(page.locator('#resultat-depot')).toContainText('Fichier accepté');
});

test('“too heavy” and “network failure” have different titles; the over-cap answer names the assistant', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'desktop-1280', 'the upload answers do not depend on the width');
  test.setTimeout(120_000);
  await signInFromRequestEmail(page, PHOTO_ONLY[info.project.name]);
  await toPhotoStep(page);
  const result = page.locator('#resultat-depot');
  // The network drops during the upload.
  await page.route('**/api/driver/request/images/photo', (route) =>
    route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback(),
  );
  await pickFile(page, 'photo.jpg', 'image/jpeg', await validPhoto());
  await expect(result.getByRole('heading', { name: 'Connexion interrompue' })).toBeVisible();
  await expect(result).toContainText('Vérifiez votre réseau');
  await page.unrouteAll({ behavior: 'wait' });
  // The server's answer to a body over its cap (its own text, tested in images-http.int.spec.ts).
  const overCap =
    'Ce fichier est beaucoup trop lourd pour être analysé : une photo d’identité pèse au plus 80 Ko, une signature au plus 50 Ko. Choisissez-le sur la page de dépôt du portail : l’assistant « Corriger ma photo » (ou « Corriger ma signature ») en fait sur votre appareil un fichier conforme, et seul ce fichier est envoyé.';
  await page.route('**/api/driver/request/images/photo', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({
          status: 413,
          json: { statusCode: 413, code: 'FILE_TOO_LARGE', message: overCap },
        })
      : route.fallback(),
  );
  await pickFile(page, 'photo.jpg', 'image/jpeg', await validPhoto());
  await expect(result.getByRole('heading', { name: 'Fichier trop lourd' })).toBeVisible();
  await expect(result).toContainText('« Corriger ma photo »');
  await expect(result).not.toContainText('2 Mo');
  await page.unrouteAll({ behavior: 'wait' });
});

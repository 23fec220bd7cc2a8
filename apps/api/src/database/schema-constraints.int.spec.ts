import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DemoDataService } from '../demo/demo-data.service';
import { ImageRequestEntity } from './entities';
import { startTestApp, TestApp } from '../testing/test-app';

describe('schema constraints (real database)', () => {
  let test: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    test = await startTestApp();
    await test.app.get(DemoDataService).seedIfEmpty();
    dataSource = test.app.get(DataSource);
  });
  afterAll(() => test.close());

  const openRequest = () =>
    dataSource.getRepository(ImageRequestEntity).findOneByOrFail({ state: 'PENDING' });

  const copyOf = (
    request: ImageRequestEntity,
    changes: Partial<ImageRequestEntity>,
  ): ImageRequestEntity => ({
    ...request,
    id: randomUUID(),
    accessRef: randomUUID(),
    ...changes,
  });

  it('refuses a second open request for one application', async () => {
    const request = await openRequest();
    await expect(
      dataSource.getRepository(ImageRequestEntity).insert(copyOf(request, { state: 'SUBMITTED' })),
    ).rejects.toThrow();
  });

  it('accepts a closed request beside the open one', async () => {
    const request = await openRequest();
    await expect(
      dataSource.getRepository(ImageRequestEntity).insert(copyOf(request, { state: 'CANCELLED' })),
    ).resolves.toBeDefined();
  });

  it('refuses an unknown state', async () => {
    const request = await openRequest();
    await expect(
      dataSource
        .getRepository(ImageRequestEntity)
        .insert(copyOf(request, { state: 'LOST' as never })),
    ).rejects.toThrow();
  });

  it('refuses a request that asks for no piece', async () => {
    const request = await openRequest();
    await expect(
      dataSource
        .getRepository(ImageRequestEntity)
        .insert(
          copyOf(request, { state: 'CANCELLED', photoRequested: false, signatureRequested: false }),
        ),
    ).rejects.toThrow();
  });

  it('refuses a request for an application that does not exist', async () => {
    const request = await openRequest();
    await expect(
      dataSource
        .getRepository(ImageRequestEntity)
        .insert(copyOf(request, { state: 'CANCELLED', applicationId: randomUUID() })),
    ).rejects.toThrow();
  });

  it('seeds the demo data only once', async () => {
    expect(await test.app.get(DemoDataService).seedIfEmpty()).toBe(false);
  });
});

import { getMetadataStorage } from 'class-validator';
import {
  ConfigurationError,
  Environment,
  ENVIRONMENT_VARIABLES,
  loadEnvironment,
  runsBackgroundJobs,
  servesHttpApi,
} from './environment';

describe('loadEnvironment', () => {
  it('reads every validated setting from the declared list, those without a default too', () => {
    const validated = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(Environment, '', true, false)
        .map((rule) => rule.propertyName),
    );
    expect([...validated].sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
    const secret = 's'.repeat(40);
    const operator = {
      PUBLIC_URL: 'https://images.cartes-t3p.example',
      SMTP_URL: 'smtp://smtp.example:587',
    };
    expect(
      loadEnvironment({ NODE_ENV: 'production', AUTH_SECRET: secret, ...operator }),
    ).toMatchObject({ NODE_ENV: 'production', AUTH_SECRET: secret });
  });

  it('requires in production the address of the service, which has no usable default there', () => {
    let error: unknown;
    try {
      loadEnvironment({ NODE_ENV: 'production', AUTH_SECRET: 's'.repeat(40) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(
      (error as ConfigurationError).problems.map((problem) => problem.split('=')[0]).sort(),
    ).toEqual(['PUBLIC_URL']);
    // Without SMTP_URL production starts (the emails wait in the outbox, with a warning).
    expect(
      loadEnvironment({
        NODE_ENV: 'production',
        AUTH_SECRET: 's'.repeat(40),
        PUBLIC_URL: 'https://images.cartes-t3p.example',
      }).SMTP_URL,
    ).toBeUndefined();
    expect(loadEnvironment({ NODE_ENV: 'development' }).SMTP_URL).toBeUndefined();
  });

  it('gives the embedded defaults for an empty environment', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      SQLITE_PATH: 'data/t3p.sqlite',
      SIGN_IN_LINK_TTL_MINUTES: 30,
      REMINDER_DELAY_DAYS: 15,
      CANCELLATION_DELAY_DAYS: 30,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and booleans', () => {
    expect(loadEnvironment({ PORT: '8080', DEMO_DATA: 'true', TRUST_PROXY: '0' })).toMatchObject({
      PORT: 8080,
      DEMO_DATA: true,
      TRUST_PROXY: false,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/t3p'],
    ['SMTP_URL', 'http://mail'],
    ['REMINDER_DELAY_DAYS', '0'],
    ['NODE_ENV', 'staging'],
    ['DEMO_DATA', 'maybe'],
    ['PUBLIC_URL', 'not a url'],
    ['PAYMENT_PORTAL_URL', 'paiement.example'],
    ['PROCESS_ROLE', 'leader'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadEnvironment({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(`${name}=${JSON.stringify(value)}`);
  });

  it('runs the background jobs in roles all and worker, never in web; a worker without them is refused', () => {
    expect(runsBackgroundJobs(loadEnvironment({}))).toBe(true);
    expect(
      runsBackgroundJobs(loadEnvironment({ PROCESS_ROLE: 'all', SCHEDULER_ENABLED: 'false' })),
    ).toBe(false);
    expect(
      runsBackgroundJobs(loadEnvironment({ PROCESS_ROLE: 'web', SCHEDULER_ENABLED: 'true' })),
    ).toBe(false);
    expect(runsBackgroundJobs(loadEnvironment({ PROCESS_ROLE: 'worker' }))).toBe(true);
    expect([
      servesHttpApi(loadEnvironment({})),
      servesHttpApi(loadEnvironment({ PROCESS_ROLE: 'web' })),
      servesHttpApi(loadEnvironment({ PROCESS_ROLE: 'worker' })),
    ]).toEqual([true, true, false]);
    expect(() => loadEnvironment({ PROCESS_ROLE: 'worker', SCHEDULER_ENABLED: 'false' })).toThrow(
      /PROCESS_ROLE="worker"/,
    );
  });
});

import { ConfigurationError, loadEnvironment } from '../config/environment';
import { AuthSecret } from './auth-secret';

describe('AUTH_SECRET', () => {
  it('is required in production, and never echoed in the error', () => {
    expect(() => loadEnvironment({ NODE_ENV: 'production' })).toThrow(ConfigurationError);
    let error: unknown;
    try {
      loadEnvironment({ NODE_ENV: 'production', AUTH_SECRET: 'trop-court-mais-secret' });
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).toContain('AUTH_SECRET=(masqué)');
    expect((error as Error).message).not.toContain('trop-court-mais-secret');
    const operator = {
      PUBLIC_URL: 'https://images.cartes-t3p.example',
      SMTP_URL: 'smtp://smtp.example:587',
    };
    expect(
      loadEnvironment({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), ...operator })
        .AUTH_SECRET,
    ).toBe('x'.repeat(32));
  });

  it('is drawn at random outside production when absent', () => {
    const first = new AuthSecret(loadEnvironment({ NODE_ENV: 'test' })).value;
    const second = new AuthSecret(loadEnvironment({ NODE_ENV: 'test' })).value;
    expect(first).toHaveLength(43);
    expect(first).not.toBe(second);
  });
});

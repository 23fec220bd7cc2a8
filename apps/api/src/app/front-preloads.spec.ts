import { driverPortalPreloads } from './front-preloads';

describe('driverPortalPreloads', () => {
  it('announces the three wizard reads for /demande and its steps, with a session', () => {
    for (const path of [
      '/demande',
      '/demande/',
      '/demande/detail',
      '/demande/photo?x=1',
      '/demande/recapitulatif#haut',
    ]) {
      const value = driverPortalPreloads(path, true);
      expect(value?.split(', ').map((part) => part.split(';')[0])).toEqual([
        '</api/me>',
        '</api/driver/application>',
        '</api/driver/request>',
      ]);
      expect(value).not.toMatch(/rel=preload; as=fetch(?!; crossorigin)/);
    }
  });

  it('announces nothing without a session, nor on the other pages', () => {
    expect(driverPortalPreloads('/demande/detail', false)).toBeNull();
    for (const path of ['/', '/faq', '/connexion/abc', '/demandes', '/x/demande/detail'])
      expect(driverPortalPreloads(path, true)).toBeNull();
  });
});

import { DriverSession, safeReturn } from './driver-session';

describe('driver session memory', () => {
  beforeEach(() => localStorage.clear());

  it('only accepts a wizard page as the return address', () => {
    expect(safeReturn('/demande/signature')).toBe('/demande/signature');
    expect(safeReturn('/demande')).toBe('/demande');
    expect(safeReturn('https://evil.example/demande')).toBeNull();
    expect(safeReturn('//evil.example')).toBeNull();
    expect(safeReturn('/faq')).toBeNull();
  });

  it('remembers the reference and the step to resume once', () => {
    const session = new DriverSession();
    session.rememberReference('abc_DEF-123');
    session.rememberReference('not a reference!');
    expect(session.reference()).toBe('abc_DEF-123');
    session.rememberReturn('/demande/photo');
    expect(session.takeReturn()).toBe('/demande/photo');
    expect(session.takeReturn()).toBeNull();
  });
});

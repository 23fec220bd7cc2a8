export * from './lib/chromium';
export * from './lib/server';
export * from './lib/mailbox';
export * from './lib/accessibility';
export * from './lib/playwright-config';
export * from './lib/assistant-inputs';

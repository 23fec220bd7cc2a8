export * from './lib/domain';
export * from './lib/errors';
export * from './lib/dev-mailbox.dto';
export * from './lib/auth.dto';
export * from './lib/images.dto';
export * from './lib/requests.dto';
export * from './lib/backoffice.dto';
export * from './lib/search';

export * from './lib/types';
export * from './lib/nominal';
export * from './lib/format-fr';
export * from './lib/criteria';
export * from './lib/evaluate';
export * from './lib/jpeg-header';

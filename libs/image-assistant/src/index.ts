export * from './lib/output';
export * from './lib/frame';
export * from './lib/jfif';
export * from './lib/quality';
export * from './lib/gray';
export * from './lib/levels';
export * from './lib/ink';

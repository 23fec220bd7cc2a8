export * from './lib/image-rules';

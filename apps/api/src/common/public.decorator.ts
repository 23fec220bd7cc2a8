import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 't3p:public';

/**
 * Marks an endpoint that anyone may call. Every other endpoint must declare who may call it;
 * a test walks the routes and fails on one that declares nothing.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);

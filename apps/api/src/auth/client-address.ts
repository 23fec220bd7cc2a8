import type { FastifyRequest } from 'fastify';

/**
 * The caller's address. Fastify's `trustProxy` (set from TRUST_PROXY) decides whether
 * X-Forwarded-For is read: without a trusted proxy it is ignored, so a client cannot pick
 * its own address to escape the per-client rate limit.
 */
export const clientAddressOf = (request: FastifyRequest): string => request.ip || 'unknown';

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';

/** Magic-link sign-in, sessions and who may see what. Every route goes through AccessGuard. */
@Module({
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule {}

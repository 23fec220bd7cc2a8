import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RequestsModule } from '../requests/requests.module';
import { AccessGuard } from './access.guard';
import { AgentAdminService } from './agent-admin.service';
import { AuthHousekeepingService } from './auth-housekeeping.service';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthSecret } from './auth-secret';
import { PrincipalService } from './principal.service';
import { RateLimitService } from './rate-limit.service';
import { SessionService } from './session.service';
import { SignInService } from './sign-in.service';
import { TeamController } from './team.controller';
import { TeamService } from './team.service';

/** Magic-link sign-in, sessions and who may see what. Every route goes through AccessGuard. */
@Module({
  // OutboxService comes from the global NotificationsModule.
  imports: [RequestsModule],
  controllers: [AuthController, TeamController],
  providers: [
    AuthRepository,
    AuthSecret,
    SessionService,
    RateLimitService,
    SignInService,
    PrincipalService,
    AgentAdminService,
    AuthHousekeepingService,
    TeamService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AgentAdminService, AuthHousekeepingService],
})
export class AuthModule {}

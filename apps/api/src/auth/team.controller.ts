import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InviteAgentBody, TeamActivityEntry, TeamMember } from '@t3p/contracts';
import { ApiErrors, Operation, UuidParam, VALIDATION } from '../common/openapi.decorators';
import { CurrentPrincipal, Principal, ResponsableOnly } from './access.decorators';
import { TeamService } from './team.service';

/** The team page of a responsable: their préfecture's agents only (another préfecture's agent → 404). */
@ApiTags('préfecture')
@Controller('agent/team')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get()
  @ResponsableOnly()
  @Operation(
    'Les agents de la préfecture (responsables seulement)',
    'The agents of the caller’s préfecture (responsables only).',
  )
  @ApiOkResponse({ type: [TeamMember] })
  members(@CurrentPrincipal() principal: Principal): Promise<TeamMember[]> {
    return this.team.members(principal);
  }

  @Post('invitations')
  @ResponsableOnly()
  @Operation(
    'Invite un agent de la préfecture : son compte est créé et un lien de connexion lui est envoyé',
    'Invites an agent of the préfecture: the account is created and a sign-in link is emailed.',
  )
  @ApiCreatedResponse({ type: TeamMember })
  @ApiErrors({ 400: VALIDATION, 409: ['AGENT_EXISTS'] })
  invite(
    @CurrentPrincipal() principal: Principal,
    @Body() body: InviteAgentBody,
  ): Promise<TeamMember> {
    return this.team.invite(principal, body);
  }

  @Post(':id/deactivation')
  @ResponsableOnly()
  @HttpCode(200)
  @Operation(
    'Désactive un agent de la préfecture : ses sessions prennent fin aussitôt',
    'Deactivates an agent of the préfecture: their sessions end at once.',
  )
  @UuidParam('id', 'L’agent.')
  @ApiOkResponse({ type: TeamMember })
  @ApiErrors({
    400: ['BAD_REQUEST'],
    404: ['NOT_FOUND'],
    409: ['SELF_DEACTIVATION', 'ALREADY_INACTIVE'],
  })
  deactivate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: '4' })) agentId: string,
  ): Promise<TeamMember> {
    return this.team.deactivate(principal, agentId);
  }

  @Get('activity')
  @ResponsableOnly()
  @Operation(
    'Qui a fait quoi : les dernières actions des agents de la préfecture',
    'Who did what: the latest actions of the préfecture’s agents, newest first.',
  )
  @ApiOkResponse({ type: [TeamActivityEntry] })
  activity(@CurrentPrincipal() principal: Principal): Promise<TeamActivityEntry[]> {
    return this.team.activity(principal);
  }
}

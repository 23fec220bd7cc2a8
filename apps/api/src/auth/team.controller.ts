import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InviteAgentBody, type TeamActivityEntry, type TeamMember } from '@t3p/contracts';
import { CurrentPrincipal, Principal, ResponsableOnly } from './access.decorators';
import { TeamService } from './team.service';

/** The team page of a responsable: their préfecture's agents only (another préfecture's agent → 404). */
@ApiTags('préfecture')
@Controller('agent/team')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get()
  @ResponsableOnly()
  @ApiOperation({ summary: 'Les agents de la préfecture (responsables seulement)' })
  members(@CurrentPrincipal() principal: Principal): Promise<TeamMember[]> {
    return this.team.members(principal);
  }

  @Post('invitations')
  @ResponsableOnly()
  @ApiOperation({ summary: 'Invite un agent de la préfecture : son compte est créé et un lien de connexion lui est envoyé' })
  invite(@CurrentPrincipal() principal: Principal, @Body() body: InviteAgentBody): Promise<TeamMember> {
    return this.team.invite(principal, body);
  }

  @Post(':id/deactivation')
  @ResponsableOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Désactive un agent de la préfecture : ses sessions prennent fin aussitôt' })
  deactivate(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe({ version: '4' })) agentId: string): Promise<TeamMember> {
    return this.team.deactivate(principal, agentId);
  }

  @Get('activity')
  @ResponsableOnly()
  @ApiOperation({ summary: 'Qui a fait quoi : les dernières actions des agents de la préfecture' })
  activity(@CurrentPrincipal() principal: Principal): Promise<TeamActivityEntry[]> {
    return this.team.activity(principal);
  }
}

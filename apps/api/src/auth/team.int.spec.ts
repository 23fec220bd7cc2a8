import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../testing/test-app';
import { as } from '../requests/lifecycle-test-kit';
import { AgentAdminService } from './agent-admin.service';
import {
  json,
  latestLinkFor,
  seedDemo,
  Session,
  signInAgent,
  signInWithToken,
} from './auth-test-kit';

interface Member {
  id: string;
  email: string;
  role: string;
  active: boolean;
}

/** Team management through the real API: invitation by link, deactivation that ends sessions, the audit. */
describe('team management (responsable)', () => {
  let test: TestApp;
  let responsable: Session;
  let agent: Session;
  let pdc: Session;

  beforeAll(async () => {
    test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
    await seedDemo(test);
    responsable = await signInAgent(test, 'agent.nord@demo.t3p.example');
    agent = await signInAgent(test, 'agent2.nord@demo.t3p.example');
    pdc = await signInAgent(test, 'agent.pas-de-calais@demo.t3p.example');
  });
  afterAll(() => test.close());

  const members = async (session = responsable): Promise<Member[]> =>
    (await as(test, session)('/api/agent/team')).json();

  it('lists the préfecture’s agents with their role, for a responsable only', async () => {
    const me = await (await as(test, responsable)('/api/me')).json();
    expect(me).toMatchObject({ role: 'AGENT', agentRole: 'RESPONSABLE' });
    const list = await members();
    expect(list.map((member) => [member.email, member.role, member.active])).toEqual([
      ['agent2.nord@demo.t3p.example', 'AGENT', true],
      ['agent.nord@demo.t3p.example', 'RESPONSABLE', true],
    ]);
    const refused = await as(test, agent)('/api/agent/team');
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toBe(
      'La gestion de l’équipe est réservée aux responsables de la préfecture.',
    );
  });

  it('invites an agent of its own préfecture, who signs in with the emailed link', async () => {
    const invited = await as(test, responsable)('/api/agent/team/invitations', {
      json: { email: 'Nouvel.Agent@Nord.example', firstName: 'Inès', lastName: 'Nouvelle' },
    });
    expect(invited.status).toBe(201);
    expect(await invited.json()).toMatchObject({
      email: 'nouvel.agent@nord.example',
      role: 'AGENT',
      active: true,
    });
    const session = await signInWithToken(
      test,
      (await latestLinkFor(test, 'nouvel.agent@nord.example')).token,
    );
    const me = await (await as(test, session)('/api/me')).json();
    expect(me).toMatchObject({
      role: 'AGENT',
      agentRole: 'AGENT',
      lastName: 'Nouvelle',
      prefecture: { departement: '59' },
    });
    expect((await as(test, session)('/api/agent/dashboard/overview')).status).toBe(200);

    const again = await as(test, responsable)('/api/agent/team/invitations', {
      json: { email: 'nouvel.agent@nord.example', firstName: 'Inès', lastName: 'Nouvelle' },
    });
    expect(again.status).toBe(409);
    const bad = await as(test, responsable)('/api/agent/team/invitations', {
      json: { email: 'pas-une-adresse', firstName: '', lastName: 'X' },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/adresse électronique valide|prénom/);
    expect(
      (
        await as(test, agent)('/api/agent/team/invitations', {
          json: { email: 'x@nord.example', firstName: 'X', lastName: 'Y' },
        })
      ).status,
    ).toBe(403);
  });

  it('deactivates an agent: their session ends at once and they cannot sign in again', async () => {
    test.clock.advanceMinutes(1);
    const target = (await members()).find(
      (member) => member.email === 'agent2.nord@demo.t3p.example',
    ) as Member;
    expect((await as(test, agent)('/api/agent/dashboard/overview')).status).toBe(200);
    const response = await as(test, responsable)(`/api/agent/team/${target.id}/deactivation`, {
      method: 'POST',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: target.id, active: false });
    expect((await as(test, agent)('/api/agent/dashboard/overview')).status).toBe(401);

    const [{ live }] = await test.app
      .get(DataSource)
      .query(
        `SELECT COUNT(*) AS live FROM auth_session WHERE subject_id = ${test.database.settings.DATABASE_URL ? '$1' : '?'} AND revoked_at IS NULL`,
        [target.id],
      );
    expect(Number(live)).toBe(0);
    await fetch(
      `${test.url}/api/auth/agent/sign-in-links`,
      json({ email: 'agent2.nord@demo.t3p.example' }),
    );
    await expect(latestLinkFor(test, 'agent2.nord@demo.t3p.example')).rejects.toThrow(/found 0/);

    expect(
      (await as(test, responsable)(`/api/agent/team/${target.id}/deactivation`, { method: 'POST' }))
        .status,
    ).toBe(409);
    const me = (await members()).find((member) => member.role === 'RESPONSABLE') as Member;
    const self = await as(test, responsable)(`/api/agent/team/${me.id}/deactivation`, {
      method: 'POST',
    });
    expect(self.status).toBe(409);
    expect((await self.json()).message).toBe('Vous ne pouvez pas désactiver votre propre compte.');
  });

  it('never reaches another préfecture: a Pas-de-Calais agent is not found', async () => {
    const [{ id: pdcAgentId }] = await test.app
      .get(DataSource)
      .query(`SELECT id FROM agent WHERE email = 'agent.pas-de-calais@demo.t3p.example'`);
    const response = await as(test, responsable)(`/api/agent/team/${pdcAgentId}/deactivation`, {
      method: 'POST',
    });
    expect(response.status).toBe(404);
    expect((await as(test, pdc)('/api/agent/dashboard/overview')).status).toBe(200);
    expect((await members()).some((member) => member.id === pdcAgentId)).toBe(false);
  });

  it('agent:add makes a responsable with --responsable (the first agent of a préfecture)', async () => {
    const created = await test.app.get(AgentAdminService).addAgent({
      email: 'responsable.pdc@demo.t3p.example',
      firstName: 'Paul',
      lastName: 'Durand',
      departement: '62',
      responsable: true,
    });
    expect(created.role).toBe('RESPONSABLE');
    const session = await signInAgent(test, 'responsable.pdc@demo.t3p.example');
    const team: Member[] = await (await as(test, session)('/api/agent/team')).json();
    expect(team.map((member) => member.email).sort()).toEqual([
      'agent.pas-de-calais@demo.t3p.example',
      'responsable.pdc@demo.t3p.example',
    ]);
    // A Pas-de-Calais responsable cannot touch a Nord agent either.
    const nordAgent = (await members()).find((member) => member.role === 'RESPONSABLE') as Member;
    expect(
      (await as(test, session)(`/api/agent/team/${nordAgent.id}/deactivation`, { method: 'POST' }))
        .status,
    ).toBe(404);
  });

  it('shows who did what: the team actions, each by its responsable', async () => {
    const activity: { action: string; actor: { lastName: string } | null; subject: string }[] =
      await (await as(test, responsable)('/api/agent/team/activity')).json();
    expect(activity.filter((entry) => entry.action.startsWith('AGENT_'))).toEqual([
      expect.objectContaining({
        action: 'AGENT_DEACTIVATED',
        actor: { firstName: 'Camille', lastName: 'Lefebvre' },
        subject: 'Karim Benali',
      }),
      expect.objectContaining({
        action: 'AGENT_INVITED',
        actor: { firstName: 'Camille', lastName: 'Lefebvre' },
        subject: 'Inès Nouvelle',
      }),
    ]);
    // The demo's requests were created by Nord agents: they appear too, with the driver's name.
    expect(
      activity.some((entry) => entry.action === 'REQUEST_CREATED' && entry.subject.length > 0),
    ).toBe(true);
  });
});

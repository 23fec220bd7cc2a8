import { AGENT_ROLES } from '@t3p/contracts';
import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableCheck,
  TableColumn,
  TableForeignKey,
} from 'typeorm';

/**
 * Team management (issue 18): an agent's role (AGENT, or RESPONSABLE who manages the préfecture's
 * agents), and the trail of those management actions (invitation, deactivation), which are not
 * about a card application and so have no place in audit_entry.
 */
export class TeamManagement1764800000000 implements MigrationInterface {
  name = 'TeamManagement1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.addColumn(
      'agent',
      new TableColumn({ name: 'role', type: 'varchar', length: '12', default: "'AGENT'" }),
    );
    await queryRunner.createCheckConstraint(
      'agent',
      new TableCheck({
        name: 'ck_agent_role',
        expression: `role IN (${AGENT_ROLES.map((role) => `'${role}'`).join(', ')})`,
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'team_audit_entry',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'prefecture_id', type: 'varchar', length: '36' },
          { name: 'actor_agent_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'target_agent_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'action', type: 'varchar', length: '40' },
          { name: 'at', type: postgres ? 'timestamptz' : 'datetime' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_team_audit_entry_prefecture_id',
            columnNames: ['prefecture_id'],
            referencedTableName: 'prefecture',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          { name: 'idx_team_audit_entry_prefecture', columnNames: ['prefecture_id', 'at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('team_audit_entry');
    await queryRunner.dropCheckConstraint('agent', 'ck_agent_role');
    await queryRunner.dropColumn('agent', 'role');
  }
}

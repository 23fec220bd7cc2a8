import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CardApplicationEntity } from '../database/entities';

/**
 * Fixture loader: writes the demo rows in one transaction. It is the one place outside the
 * owning modules that writes their tables, because it loads a whole consistent data set at once.
 */
@Injectable()
export class DemoDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(CardApplicationEntity).count()) === 0;
  }

  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

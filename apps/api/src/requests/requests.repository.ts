import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CardApplicationEntity, ImageRequestEntity } from '../database/entities';

/** The only code of the Requests module that touches TypeORM. */
@Injectable()
export class RequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  countApplications(): Promise<number> {
    return this.dataSource.getRepository(CardApplicationEntity).count();
  }

  findRequestByAccessRef(accessRef: string): Promise<ImageRequestEntity | null> {
    if (!accessRef) return Promise.resolve(null);
    return this.dataSource.getRepository(ImageRequestEntity).findOneBy({ accessRef });
  }
}

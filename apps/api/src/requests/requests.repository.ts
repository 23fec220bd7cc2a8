import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OPEN_IMAGE_REQUEST_STATES } from '@t3p/contracts';
import { DataSource, In } from 'typeorm';
import {
  CardApplicationEntity,
  DriverEntity,
  ImageRequestEntity,
  PrefectureEntity,
} from '../database/entities';

export interface ApplicationRows {
  application: CardApplicationEntity;
  driver: DriverEntity;
  prefecture: PrefectureEntity;
  /** The open request, else the latest one. */
  request: ImageRequestEntity | null;
}

/** The only code of the Requests module that touches TypeORM. */
@Injectable()
export class RequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  countApplications(): Promise<number> {
    return this.dataSource.getRepository(CardApplicationEntity).count();
  }

  findRequestByAccessRef(accessRef: string): Promise<ImageRequestEntity | null> {
    // An empty value would match nothing in SQL, but TypeORM drops undefined criteria: guard.
    if (typeof accessRef !== 'string' || !accessRef) return Promise.resolve(null);
    return this.dataSource.getRepository(ImageRequestEntity).findOneBy({ accessRef });
  }

  async findApplicationOfDriver(driverId: string): Promise<ApplicationRows | null> {
    if (typeof driverId !== 'string' || !driverId) return null;
    const application = await this.dataSource
      .getRepository(CardApplicationEntity)
      .findOne({ where: { driverId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return application ? this.rowsOf(application) : null;
  }

  async findApplicationOfPrefecture(
    prefectureId: string,
    applicationId: string,
  ): Promise<ApplicationRows | null> {
    if (
      typeof prefectureId !== 'string' ||
      !prefectureId ||
      typeof applicationId !== 'string' ||
      !applicationId
    ) {
      return null;
    }
    const application = await this.dataSource
      .getRepository(CardApplicationEntity)
      .findOneBy({ id: applicationId, prefectureId });
    return application ? this.rowsOf(application) : null;
  }

  private async rowsOf(application: CardApplicationEntity): Promise<ApplicationRows | null> {
    const [driver, prefecture] = await Promise.all([
      this.dataSource.getRepository(DriverEntity).findOneBy({ id: application.driverId }),
      this.dataSource.getRepository(PrefectureEntity).findOneBy({ id: application.prefectureId }),
    ]);
    if (!driver || !prefecture) return null;
    const requests = this.dataSource.getRepository(ImageRequestEntity);
    const request =
      (await requests.findOne({
        where: { applicationId: application.id, state: In([...OPEN_IMAGE_REQUEST_STATES]) },
        order: { createdAt: 'DESC', id: 'DESC' },
      })) ??
      (await requests.findOne({
        where: { applicationId: application.id },
        order: { createdAt: 'DESC', id: 'DESC' },
      }));
    return { application, driver, prefecture, request };
  }
}

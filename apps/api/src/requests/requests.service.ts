import { Injectable } from '@nestjs/common';
import { RequestsRepository } from './requests.repository';

/** Drivers, card applications, image requests and their state machine, the audit trail. */
@Injectable()
export class RequestsService {
  constructor(private readonly requests: RequestsRepository) {}

  async isEmpty(): Promise<boolean> {
    return (await this.requests.countApplications()) === 0;
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { DevMailboxController } from './dev-mailbox.controller';
import { DevMailboxService } from './dev-mailbox.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** Email templates, the outbox and delivery. Other modules only see OutboxService. */
@Module({})
export class NotificationsModule {
  static register(options: { devMailbox: boolean }): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: options.devMailbox ? [DevMailboxController] : [],
      providers: [OutboxRepository, OutboxService, DevMailboxService],
      exports: [OutboxService],
    };
  }
}

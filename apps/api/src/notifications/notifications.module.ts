import { MailerModule } from '@nestjs-modules/mailer';
import { DynamicModule, Module } from '@nestjs/common';
import { Environment } from '../config/environment';
import { DevMailboxController } from './dev-mailbox.controller';
import { DevMailboxService } from './dev-mailbox.service';
import { LifecycleEmailsService } from './lifecycle-emails.service';
import { mailTransportOf } from './mail-transport';
import { OutboxDeliveryService } from './outbox-delivery.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** Email templates, the outbox and delivery. Other modules only see OutboxService (global). */
@Module({})
export class NotificationsModule {
  static register(options: { devMailbox: boolean }): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [
        MailerModule.forRootAsync({
          inject: [Environment],
          useFactory: (env: Environment) => ({
            transport: mailTransportOf(env),
            defaults: { from: env.MAIL_FROM },
          }),
        }),
      ],
      controllers: options.devMailbox ? [DevMailboxController] : [],
      providers: [
        OutboxRepository,
        OutboxService,
        DevMailboxService,
        OutboxDeliveryService,
        LifecycleEmailsService,
      ],
      exports: [OutboxService, OutboxDeliveryService, LifecycleEmailsService],
    };
  }
}

import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthModule } from '../auth/auth.module';
import { DemoModule } from '../demo/demo.module';
import { HealthModule } from '../health/health.module';
import { ImagesModule } from '../images/images.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AgentBackofficeModule } from '../requests/agent/agent-backoffice.module';
import { RequestsModule } from '../requests/requests.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { SiteModule } from '../site/site.module';

/** The feature modules, under their names in docs/architecture.md's module diagram. */
const NAMES = new Map<unknown, string>([
  [AuthModule, 'Auth'],
  [RequestsModule, 'Requests'],
  [AgentBackofficeModule, 'Backoffice'],
  [ImagesModule, 'Images'],
  [NotificationsModule, 'Notifications'],
  [SchedulerModule, 'Scheduler'],
  [DemoModule, 'Demo'],
  [HealthModule, 'Health'],
  [SiteModule, 'Site'],
]);

/** A module's `imports:`, as Nest reads them (the dynamic ones as their register() builds them). */
function importsOf(module: unknown): unknown[] {
  const dynamic: Partial<Record<string, DynamicModule>> = {
    Notifications: NotificationsModule.register({ devMailbox: false }),
    Scheduler: SchedulerModule.register({ enabled: true }),
  };
  const name = NAMES.get(module) ?? '';
  const entries =
    dynamic[name]?.imports ??
    (Reflect.getMetadata(MODULE_METADATA.IMPORTS, module as Type) as unknown[] | undefined) ??
    [];
  return entries.map((entry) =>
    entry && typeof entry === 'object' && 'module' in entry ? entry.module : entry,
  );
}

describe('docs/architecture.md module diagram', () => {
  it('draws exactly the imports between the feature modules (A --> B: A imports B)', () => {
    const fromCode = [...NAMES.entries()]
      .flatMap(([module, name]) =>
        importsOf(module).flatMap((imported) =>
          NAMES.has(imported) ? [`${name} --> ${NAMES.get(imported)}`] : [],
        ),
      )
      .sort();

    const doc = readFileSync(join(__dirname, '../../../../docs/architecture.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Backend modules'));
    const diagram = section.slice(
      section.indexOf('```mermaid'),
      section.indexOf('```', section.indexOf('```mermaid') + 3),
    );
    const known = new Set(NAMES.values());
    const fromDoc = [...diagram.matchAll(/^\s*(\w+)(?:\[[^\]]*\])?\s*-->\s*(\w+)/gm)]
      .map(([, from, to]) => `${from} --> ${to}`)
      .filter((edge) => edge.split(' --> ').every((name) => known.has(name)))
      .sort();

    expect(fromCode.length).toBeGreaterThan(0);
    expect(fromDoc).toEqual(fromCode);
  });
});

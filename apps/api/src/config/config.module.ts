import { Global, Module } from '@nestjs/common';
import { Environment, loadEnvironment } from './environment';

/** Provides the validated Environment everywhere; tests pass their own with `ConfigModule.with`. */
@Global()
@Module({})
export class ConfigModule {
  static with(environment: Environment = loadEnvironment()) {
    return {
      module: ConfigModule,
      providers: [{ provide: Environment, useValue: environment }],
      exports: [Environment],
    };
  }
}

import { Module } from '@nestjs/common';

/** Upload, measurement (sharp, pdf-lib), the rule engine, storage and display derivatives. */
@Module({})
export class ImagesModule {}

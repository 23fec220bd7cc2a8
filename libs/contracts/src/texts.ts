/**
 * The contracts' pure texts and formats (email subjects, French dates and times), with no DTO:
 * the fronts import them from `@t3p/contracts/texts`, which keeps class-validator (pulled in by
 * the DTOs of the main entry point) out of their bundles.
 */
export * from './lib/emails';
export * from './lib/paris-clock';
export * from './lib/french-dates';

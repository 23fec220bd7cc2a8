import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { allowedStep, resumeStep, STATUS_ROUTE, type StepId } from './wizard-steps';
import { WizardStore } from './wizard-store';

/** Opens a step only when the server's state allows it; else goes where the driver belongs. */
export function stepGuard(step: StepId | typeof STATUS_ROUTE | null): CanActivateFn {
  return async () => {
    const store = inject(WizardStore);
    const router = inject(Router);
    try {
      await store.ensureLoaded();
    } catch {
      return false;
    }
    if (store.error()) return step === null ? router.createUrlTree(['/demande', 'detail']) : true;
    const target = step === null ? resumeStep(store.facts()) : allowedStep(step, store.facts());
    return target === step ? true : router.createUrlTree(['/demande', target]);
  };
}

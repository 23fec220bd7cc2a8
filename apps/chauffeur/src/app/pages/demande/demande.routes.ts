import { Routes } from '@angular/router';
import { stepGuard } from './step-guard';
import { DetailStep } from './steps/detail-step';
import { EngagementStep } from './steps/engagement-step';
import { RecapStep } from './steps/recap-step';
import { StatusPage } from './steps/status-page';
import { UploadStep } from './steps/upload-step';
import { WizardShell } from './wizard-shell';
import { WizardStore } from './wizard-store';

/** The driver's wizard: one route per step, each guarded by the server's state. */
export default [
  {
    path: '',
    component: WizardShell,
    providers: [WizardStore],
    children: [
      { path: '', pathMatch: 'full', canActivate: [stepGuard(null)], children: [] },
      {
        path: 'detail',
        title: 'Détail de la demande',
        canActivate: [stepGuard('detail')],
        component: DetailStep,
      },
      {
        path: 'engagement',
        title: 'Engagement',
        canActivate: [stepGuard('engagement')],
        component: EngagementStep,
      },
      {
        path: 'photo',
        title: 'Photo d’identité',
        canActivate: [stepGuard('photo')],
        data: { piece: 'PHOTO' },
        component: UploadStep,
      },
      {
        path: 'signature',
        title: 'Signature',
        canActivate: [stepGuard('signature')],
        data: { piece: 'SIGNATURE' },
        component: UploadStep,
      },
      {
        path: 'recapitulatif',
        title: 'Récapitulatif de l’envoi',
        canActivate: [stepGuard('recapitulatif')],
        component: RecapStep,
      },
      {
        path: 'statut',
        title: 'État de votre demande',
        canActivate: [stepGuard('statut')],
        component: StatusPage,
      },
      { path: '**', redirectTo: '' },
    ],
  },
] satisfies Routes;

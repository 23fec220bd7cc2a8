import { Routes } from '@angular/router';
import { SessionExpiredPage } from './session-expired';

export default [
  { path: '', title: 'Session terminée', component: SessionExpiredPage },
] satisfies Routes;

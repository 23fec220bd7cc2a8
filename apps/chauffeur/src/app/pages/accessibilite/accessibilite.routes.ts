import { Routes } from '@angular/router';
import { AccessibilitePage } from './accessibilite';

export default [
  { path: '', title: 'Déclaration d’accessibilité', component: AccessibilitePage },
] satisfies Routes;

import { Routes } from '@angular/router';
import { GuidePage } from './guide';

export default [{ path: '', title: 'Guide utilisateur', component: GuidePage }] satisfies Routes;

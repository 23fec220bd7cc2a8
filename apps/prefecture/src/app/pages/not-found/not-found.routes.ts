import { Routes } from '@angular/router';
import { NotFoundPage } from './not-found';

export default [{ path: '', title: 'Page introuvable', component: NotFoundPage }] satisfies Routes;

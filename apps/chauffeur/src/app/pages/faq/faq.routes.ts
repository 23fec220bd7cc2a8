import { Routes } from '@angular/router';
import { FaqPage } from './faq';

export default [{ path: '', title: 'Questions fréquentes', component: FaqPage }] satisfies Routes;

import { Routes } from '@angular/router';
import { HomePage } from './home';

export default [{ path: '', title: 'Accueil', component: HomePage }] satisfies Routes;

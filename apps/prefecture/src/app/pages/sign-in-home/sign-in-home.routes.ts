import { Routes } from '@angular/router';
import { AgentHomePage } from './sign-in-home';

export default [{ path: '', title: 'Votre espace', component: AgentHomePage }] satisfies Routes;

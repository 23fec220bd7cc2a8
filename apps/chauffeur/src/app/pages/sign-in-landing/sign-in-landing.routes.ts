import { Routes } from '@angular/router';
import { SignInLandingPage } from './sign-in-landing';

export default [{ path: '', title: 'Votre demande', component: SignInLandingPage }] satisfies Routes;

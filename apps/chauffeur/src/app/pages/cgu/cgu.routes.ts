import { Routes } from '@angular/router';
import { CguPage } from './cgu';

export default [
  {
    path: '',
    title: 'Conditions générales d’utilisation et données personnelles',
    component: CguPage,
  },
] satisfies Routes;

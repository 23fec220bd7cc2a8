import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EmailFact } from '../../shared/email-fact/email-fact';
import { T3pAccordion } from '@t3p/ui';

@Component({
  selector: 'app-faq-page',
  imports: [RouterLink, T3pAccordion, EmailFact],
  templateUrl: './faq.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FaqPage {}

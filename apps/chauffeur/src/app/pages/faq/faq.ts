import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { T3pAccordion } from '@t3p/ui';

@Component({
  selector: 'app-faq-page',
  imports: [RouterLink, T3pAccordion],
  templateUrl: './faq.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FaqPage {}

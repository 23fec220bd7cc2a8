import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input } from '@angular/core';
import { IMAGE_REQUEST_SUBJECT_START } from '@t3p/contracts/texts';
import { SiteInfoStore } from '@t3p/ui';

/**
 * What the pages tell drivers to look for in their mailbox, quoted from the sources the emails
 * are built from: the request email's subject (EMAIL_SUBJECTS of @t3p/contracts) and the sender
 * (the MAIL_FROM setting, through GET /api/site). A browser test compares both with an email.
 */
@Component({
  selector: 'app-email-fact',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@switch (fact()) {
    @case ('subject') {
      <q data-testid="request-subject">{{ subjectStart }} …</q>
    }
    @case ('sender') {
      @if (sender(); as from) {
        <strong data-testid="email-sender">{{ from.address }}</strong> (« {{ from.name }} »)
      } @else {
        l’adresse du service des cartes T3P
      }
    }
  }`,
})
export class EmailFact implements OnInit {
  readonly fact = input.required<'subject' | 'sender'>();
  private readonly site = inject(SiteInfoStore);
  protected readonly subjectStart = IMAGE_REQUEST_SUBJECT_START;
  protected readonly sender = computed(() => this.site.info()?.emailSender ?? null);

  ngOnInit(): void {
    if (this.fact() === 'sender') this.site.load();
  }
}

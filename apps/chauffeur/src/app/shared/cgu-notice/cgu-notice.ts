import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * Terms of use of the portal and the personal-data notice. Shown on the /cgu page and,
 * later, in the Engagement step of the wizard (its headings start at h2, under the page's h1).
 */
@Component({
  selector: 'app-cgu-notice',
  templateUrl: './cgu-notice.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CguNotice {}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { CguNotice } from '../../shared/cgu-notice/cgu-notice';

@Component({
  selector: 'app-cgu-page',
  imports: [CguNotice],
  templateUrl: './cgu.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CguPage {}

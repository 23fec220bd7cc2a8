import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EmailFact } from '../../shared/email-fact/email-fact';
import { ImageCriteriaTable } from '../../shared/image-criteria/image-criteria-table';

@Component({
  selector: 'app-guide-page',
  imports: [RouterLink, ImageCriteriaTable, EmailFact],
  templateUrl: './guide.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GuidePage {}

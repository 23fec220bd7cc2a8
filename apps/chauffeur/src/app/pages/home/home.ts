import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ImageCriteriaTable } from '../../shared/image-criteria/image-criteria-table';

@Component({
  selector: 'app-home-page',
  imports: [RouterLink, ImageCriteriaTable],
  templateUrl: './home.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {}

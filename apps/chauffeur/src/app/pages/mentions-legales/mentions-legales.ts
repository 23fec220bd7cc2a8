import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-mentions-legales-page',
  imports: [RouterLink],
  templateUrl: './mentions-legales.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MentionsLegalesPage {}

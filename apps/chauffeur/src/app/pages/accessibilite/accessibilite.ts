import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-accessibilite-page',
  imports: [RouterLink],
  templateUrl: './accessibilite.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessibilitePage {}

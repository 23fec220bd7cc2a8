import { ChangeDetectionStrategy, Component, OnInit, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SiteInfoStore } from '@t3p/ui';

/** The legal notice; the host and the publication director come from the API's settings (GET /api/site). */
@Component({
  selector: 'app-mentions-legales-page',
  imports: [RouterLink],
  templateUrl: './mentions-legales.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MentionsLegalesPage implements OnInit {
  private readonly site = inject(SiteInfoStore);
  protected readonly legal = computed(() => this.site.info()?.legalNotice ?? null);

  ngOnInit(): void {
    this.site.load();
  }
}

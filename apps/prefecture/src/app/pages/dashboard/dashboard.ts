import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ApiErrorBody, CardType, DashboardSort, ImageRequestState } from '@t3p/contracts';
import type { ApplicationListItem, DashboardOverview, RequestListItem } from '@t3p/api-client';
import { apiErrorOf } from '@t3p/ui';
import { AgentSession } from '../../api/agent-session';
import { DashboardApi, DashboardFilters } from '../../api/backoffice-api';
import {
  APPLICATION_STATE_LABELS,
  CARD_TYPES,
  IMAGE_REQUEST_STATES,
  PIECE_LABELS,
  STATE_BADGES,
  STATE_LABELS,
  frDate,
} from '../../labels';

const PAGE = 20;

/** Counts per state, the review queue first, then every request with filters, sort and keyset pages. */
@Component({
  selector: 'app-dashboard-page',
  imports: [RouterLink],
  templateUrl: './dashboard.html',
  // The screen-reader-only texts of the table's links are absolutely positioned: held inside the
  // scrolling container, they no longer widen the page (964 px at 360 px before).
  styles: ['.fr-table__container { position: relative; }'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage implements OnInit {
  private readonly api = inject(DashboardApi);
  private readonly router = inject(Router);
  protected readonly session = inject(AgentSession);

  protected readonly states = IMAGE_REQUEST_STATES;
  protected readonly cardTypes = CARD_TYPES;
  protected readonly stateLabels = STATE_LABELS;
  protected readonly stateBadges = STATE_BADGES;
  protected readonly applicationStateLabels = APPLICATION_STATE_LABELS;
  protected readonly pieceLabels = PIECE_LABELS;
  protected readonly frDate = frDate;

  protected readonly overview = signal<DashboardOverview | null>(null);
  protected readonly queue = signal<RequestListItem[]>([]);
  protected readonly queueMore = signal(false);
  protected readonly rows = signal<RequestListItem[]>([]);
  protected readonly filters = signal<DashboardFilters>({ sort: 'newest' });
  /** Cursors of the pages before the current one (the first page has none). */
  protected readonly pageCursors = signal<(string | undefined)[]>([undefined]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<ApiErrorBody | null>(null);
  protected readonly listStatus = signal('');

  /** The CSV export of the list as filtered (every page, not only the one shown). */
  protected readonly exportUrl = computed(() => {
    const params = new URLSearchParams(
      Object.entries(this.filters()).filter(
        ([name, value]) => value && name !== 'cursor' && name !== 'limit',
      ) as [string, string][],
    );
    return `/api/agent/dashboard/requests.csv${params.size ? `?${params}` : ''}`;
  });

  protected readonly applications = signal<ApplicationListItem[] | null>(null);
  protected readonly applicationQuery = signal('');

  ngOnInit(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    try {
      const [overview, queue] = await Promise.all([
        this.api.overview(),
        this.api.requests({ state: 'SUBMITTED', sort: 'oldest', limit: 10 }),
      ]);
      this.overview.set(overview);
      this.queue.set(queue.items);
      this.queueMore.set(queue.nextCursor !== null);
    } catch (error) {
      this.error.set(apiErrorOf(error));
    }
    await this.load(undefined);
  }

  protected count(state: ImageRequestState): number {
    return this.overview()?.counts[state] ?? 0;
  }

  protected applyFilters(form: HTMLFormElement): void {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const to = text('to');
    this.filters.set({
      state: text('state') as ImageRequestState | undefined,
      cardType: text('cardType') as CardType | undefined,
      from: text('from'),
      // The end date is included: the API takes "strictly before", so the day after.
      to: to ? nextDay(to) : undefined,
      q: text('q'),
      sort: (text('sort') as DashboardSort | undefined) ?? 'newest',
      hasWarnings: text('hasWarnings') === 'true' ? 'true' : undefined,
    });
    this.pageCursors.set([undefined]);
    void this.load(undefined);
  }

  protected showState(state: ImageRequestState, form: HTMLFormElement): void {
    (form.elements.namedItem('state') as HTMLSelectElement).value = state;
    this.applyFilters(form);
    form.scrollIntoView();
  }

  protected resetFilters(form: HTMLFormElement): void {
    form.reset();
    this.applyFilters(form);
  }

  protected async nextPage(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor) return;
    this.pageCursors.update((cursors) => [...cursors, cursor]);
    await this.load(cursor);
  }

  protected async previousPage(): Promise<void> {
    const cursors = this.pageCursors();
    if (cursors.length < 2) return;
    const previous = cursors.slice(0, -1);
    this.pageCursors.set(previous);
    await this.load(previous[previous.length - 1]);
  }

  protected async searchApplications(value: string): Promise<void> {
    this.applicationQuery.set(value.trim());
    try {
      this.applications.set((await this.api.applications(value.trim())).items);
    } catch (error) {
      this.error.set(apiErrorOf(error));
    }
  }

  protected async signOut(): Promise<void> {
    await this.session.signOut();
    await this.router.navigateByUrl('/connexion');
  }

  private async load(cursor: string | undefined): Promise<void> {
    this.loading.set(true);
    try {
      const page = await this.api.requests({ ...this.filters(), cursor, limit: PAGE });
      this.rows.set(page.items);
      this.nextCursor.set(page.nextCursor);
      const number = this.pageCursors().length;
      this.listStatus.set(
        page.items.length === 0
          ? 'Aucune demande ne correspond à ces critères.'
          : `Page ${number} : ${page.items.length} demande${page.items.length > 1 ? 's' : ''} affichée${page.items.length > 1 ? 's' : ''}.`,
      );
    } catch (error) {
      this.error.set(apiErrorOf(error));
    } finally {
      this.loading.set(false);
    }
  }
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

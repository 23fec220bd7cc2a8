import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import { parisClock } from '@t3p/contracts/texts';
import type { MedianDuration, PrefectureStatistics } from '@t3p/api-client';
import type { ApiErrorBody } from '@t3p/contracts';
import { apiErrorOf } from '@t3p/ui';
import { AgentSession } from '../../api/agent-session';
import { StatisticsApi } from '../../api/statistics-api';
import { IMAGE_REQUEST_STATES, REASON_LABELS, STATE_LABELS, frDate } from '../../labels';

type Preset = '7' | '30' | '90' | '365' | 'year' | 'custom';

const DAY_MS = 86_400_000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Today in Paris, as YYYY-MM-DD. */
export function parisToday(now = new Date()): string {
  const clock = parisClock(now);
  return dayOf(Date.UTC(clock.year, clock.monthIndex, clock.day));
}

/** The period of a preset, ending today (Paris). */
export function periodOf(
  preset: Exclude<Preset, 'custom'>,
  today: string,
): { from: string; to: string } {
  if (preset === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  return {
    from: dayOf(Date.parse(`${today}T00:00:00Z`) - (Number(preset) - 1) * DAY_MS),
    to: today,
  };
}

/** « 3 j 4 h », « 5 h 12 min », « 40 s »: a duration at the precision a median to ±2.5 % deserves. */
export function frDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} j` : `${days} j ${hours % 24} h`;
}

const percent = (rate: number | null) =>
  rate === null ? '—' : `${(rate * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;

/** The préfecture's statistics over a chosen period: requests per state, median delays, refusals per reason. */
@Component({
  selector: 'app-statistics-page',
  imports: [RouterLink, NgTemplateOutlet],
  templateUrl: './statistics.html',
  // The bars are drawn in the tables' cells (the figures stay the cells' text): no chart without its table.
  styles: [
    `
      .stat-bar {
        display: block;
        height: 0.5rem;
        margin-top: 0.25rem;
        background: var(--background-action-high-blue-france);
        min-width: 1px;
      }
      .stat-figure {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .stat-table {
        display: table;
        width: 100%;
      }
      .stat-table th,
      .stat-table td {
        overflow-wrap: anywhere;
      }
      .stat-table td:first-of-type {
        width: 50%;
      }
    `,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatisticsPage implements OnInit {
  private readonly api = inject(StatisticsApi);
  protected readonly session = inject(AgentSession);
  protected readonly labels = {
    states: IMAGE_REQUEST_STATES,
    state: STATE_LABELS,
    reason: REASON_LABELS,
  };
  protected readonly format = { date: frDate, percent };
  protected readonly presets: { value: Preset; label: string }[] = [
    { value: '7', label: '7 derniers jours' },
    { value: '30', label: '30 derniers jours' },
    { value: '90', label: '90 derniers jours' },
    { value: '365', label: '12 derniers mois' },
    { value: 'year', label: 'Depuis le 1er janvier' },
    { value: 'custom', label: 'Autre période' },
  ];

  protected readonly today = parisToday();
  protected readonly preset = signal<Preset>('30');
  protected readonly from = signal(periodOf('30', this.today).from);
  protected readonly to = signal(this.today);
  protected readonly statistics = signal<PrefectureStatistics | null>(null);
  protected readonly error = signal<ApiErrorBody | null>(null);
  protected readonly loading = signal(false);

  protected readonly maxState = computed(() =>
    Math.max(1, ...Object.values(this.statistics()?.created.byState ?? {})),
  );
  protected readonly maxReason = computed(() =>
    Math.max(1, ...(this.statistics()?.rejectionsByReason ?? []).map((reason) => reason.count)),
  );

  ngOnInit(): void {
    void this.load();
  }

  protected choosePreset(value: string): void {
    const preset = value as Preset;
    this.preset.set(preset);
    if (preset === 'custom') return;
    const period = periodOf(preset, this.today);
    this.from.set(period.from);
    this.to.set(period.to);
    void this.load();
  }

  protected applyCustom(form: HTMLFormElement): void {
    const data = new FormData(form);
    this.from.set(String(data.get('from') ?? ''));
    this.to.set(String(data.get('to') ?? ''));
    void this.load();
  }

  protected width(count: number, max: number): string {
    return `${Math.round((count / max) * 100)}%`;
  }

  protected precision(share: number): string {
    return (share * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  }

  protected median(value: MedianDuration | null): string {
    return value ? frDuration(value.seconds) : '—';
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.statistics.set(await this.api.statistics(this.from(), this.to()));
    } catch (error) {
      this.statistics.set(null);
      this.error.set(apiErrorOf(error));
    } finally {
      this.loading.set(false);
    }
  }
}

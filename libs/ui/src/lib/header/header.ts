import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  contentChild,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { T3pLink } from '../link';
import { T3pHeaderTools } from './header-tools';

let nextId = 0;

/**
 * DSFR header. On small screens the navigation and the tools move into a menu dialog,
 * opened and closed here (no DSFR JavaScript): Escape closes it, focus stays inside it
 * while open and returns to the « Menu » button when it closes.
 */
@Component({
  selector: 't3p-header',
  imports: [RouterLink, RouterLinkActive, NgTemplateOutlet],
  templateUrl: './header.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:keydown.escape)': 'closeMenu(true)',
    '(keydown)': 'trapFocus($event)',
  },
})
export class T3pHeader {
  /** Name of the service, shown next to the Marianne block and linked to the home page. */
  readonly serviceTitle = input.required<string>();
  /** One line under the service name. */
  readonly serviceTagline = input('');
  /** Route of the home page (the service name links to it). */
  readonly homeRoute = input('/');
  /** Main navigation, left to right (the first one sits at the top left on a computer). */
  readonly navLinks = input<readonly T3pLink[]>([]);

  protected readonly tools = contentChild(T3pHeaderTools);
  protected readonly menuOpen = signal(false);
  protected readonly ids = {
    menu: `t3p-header-menu-${nextId}`,
    menuButton: `t3p-header-menu-button-${nextId}`,
    nav: `t3p-header-nav-${nextId++}`,
  };

  private readonly injector = inject(Injector);
  private readonly menuButton = viewChild.required<ElementRef<HTMLButtonElement>>('menuButton');
  private readonly closeButton = viewChild.required<ElementRef<HTMLButtonElement>>('closeButton');
  private readonly menu = viewChild.required<ElementRef<HTMLElement>>('menu');

  openMenu(): void {
    this.menuOpen.set(true);
    afterNextRender(() => this.focusWhenVisible(this.closeButton().nativeElement, 30), {
      injector: this.injector,
    });
  }

  closeMenu(restoreFocus: boolean): void {
    if (!this.menuOpen()) {
      return;
    }
    this.menuOpen.set(false);
    if (restoreFocus) {
      this.menuButton().nativeElement.focus();
    }
  }

  /**
   * The DSFR modal fades in (visibility transition): on the very first frame the button is still
   * hidden and refuses the focus, so try again on the next frames.
   */
  private focusWhenVisible(element: HTMLElement, attempts: number): void {
    element.focus();
    const view = element.ownerDocument.defaultView;
    if (element.ownerDocument.activeElement !== element && attempts > 0 && view) {
      view.requestAnimationFrame(() => this.focusWhenVisible(element, attempts - 1));
    }
  }

  /** Keeps Tab and Shift+Tab inside the open menu dialog. */
  protected trapFocus(event: KeyboardEvent): void {
    if (!this.menuOpen() || event.key !== 'Tab') {
      return;
    }
    const focusables = Array.from(
      this.menu().nativeElement.querySelectorAll<HTMLElement>('a[href], button:not([disabled])'),
    ).filter((el) => el.offsetParent !== null || el === this.closeButton().nativeElement);
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    const active = this.menu().nativeElement.ownerDocument.activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  }
}

/** A link of the header or the footer. */
export interface T3pLink {
  readonly label: string;
  /** A route of the current app (router link), e.g. `/faq`. */
  readonly route?: string;
  /** A URL outside the current app, e.g. the driver portal's `/cgu` seen from the back-office. */
  readonly href?: string;
}

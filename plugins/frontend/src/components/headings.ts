/**
 * InfoCard titles are headings of the page they sit on (level 2 under the page's h1), so the
 * pillar headings inside a card (h3) keep a valid order — axe's heading-order in a real browser.
 */
export const CARD_TITLE = { titleTypographyProps: { component: 'h2' } } as const;

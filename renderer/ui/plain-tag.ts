/**
 * The class of a tag that looks like antd's `Tag` with a preset colour, for a plain `<span>`.
 * antd's component runs its theme-token hooks (a cssinjs cache lookup and a hash) on every render:
 * a CPU profile of the first search on a 100,000-customer clinic put them among the heaviest items
 * of the render (docs/performance.md, 2026-12-05 night). For lists drawn often — board cards,
 * search results — a class costs no component at all.
 */
import styles from './plain-tag.module.css';

/** antd's preset colours the console's tags use (customer-labels.ts, a card's flags). */
export type PlainTagColor = 'gold' | 'orange' | 'blue' | 'volcano' | 'purple' | 'cyan' | 'geekblue';

export function plainTagClass(color?: PlainTagColor): string {
  return color ? `${styles.tag} ${styles[`tag_${color}`] ?? ''}` : (styles.tag ?? '');
}

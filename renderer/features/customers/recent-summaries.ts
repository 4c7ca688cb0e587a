/**
 * The customers a picker has shown lately, so that a chosen one keeps her label after the search
 * moves on. Bounded: a desk searches all day, and an unbounded map kept every summary it was ever
 * shown (names, masked phones) for as long as the tab lived.
 */
import type { CustomerSummary } from '../../../shared/contract/customers';

export const RECENT_SUMMARIES = 300;

export class RecentSummaries {
  private readonly rows = new Map<number, CustomerSummary>();

  constructor(private readonly limit = RECENT_SUMMARIES) {}

  /** Remembers `row` as the most recent, forgetting the least recently remembered beyond the limit. */
  remember(row: CustomerSummary): void {
    this.rows.delete(row.id);
    this.rows.set(row.id, row);
    for (const id of this.rows.keys()) {
      if (this.rows.size <= this.limit) break;
      this.rows.delete(id);
    }
  }

  get(id: number): CustomerSummary | undefined {
    return this.rows.get(id);
  }

  get size(): number {
    return this.rows.size;
  }
}

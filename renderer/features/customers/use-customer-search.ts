/**
 * Searching customers as reception types: every key sends its query (the search answers in about a
 * millisecond at 100,000 customers, and waiting 120 ms for the typist to pause put the results
 * 260 ms behind the key: docs/performance.md); the previous results stay on screen while the next
 * arrive, and the query layer drops answers to keys already overtaken.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../client/queries';

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return delayMs <= 0 ? value : settled;
}

export const SEARCH_DEBOUNCE_MS = 0;

/**
 * Results of `customers.search` for the typed text (empty: the latest registered). `enabled:
 * false` asks nothing (a box that shows results only while typed in).
 */
export function useCustomerSearch(text: string, limit = 20, { enabled = true }: { enabled?: boolean } = {}) {
  const query = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const result = useApiQuery('customers.search', { query, limit }, { placeholderData: keepPreviousData, staleTime: 5_000, enabled });
  return { ...result, query, settled: query === text.trim() };
}

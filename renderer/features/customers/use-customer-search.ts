/**
 * Searching customers as reception types: the query waits ~120 ms after the last key so a fast
 * typist sends one request, and the previous results stay on screen while the next arrive.
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
  return settled;
}

export const SEARCH_DEBOUNCE_MS = 120;

/** Results of `customers.search` for the typed text (empty: the latest registered). */
export function useCustomerSearch(text: string, limit = 20) {
  const query = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const result = useApiQuery('customers.search', { query, limit }, { placeholderData: keepPreviousData, staleTime: 5_000 });
  return { ...result, query, settled: query === text.trim() };
}

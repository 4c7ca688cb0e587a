/**
 * A part of a screen that nobody sees until they ask for it (a dialog, a drawer, a popover), kept
 * out of the first screen's script and fetched as soon as the first frame is painted.
 *
 * Why: a cold load of the board is bound by compiling script, not by its data (docs/performance.md,
 * 2026-12-05 and 2026-12-06). Code that only runs when a dialog opens was still downloaded, parsed
 * and evaluated before the board could paint. Loaded here instead, it is fetched right after the
 * first frame (`fetchLaterParts`, called by the app shell), well before anyone can press the
 * button that opens it; pressed sooner, the part waits for its script (a Suspense fallback).
 * Each part also waits for antd's whole stylesheet (whole-styles.ts), which is fetched then too.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadWholeStyles, withWholeStyles } from './whole-styles';

type Loader = () => Promise<unknown>;

const waiting: Loader[] = [];
let fetching = false;

/** A component whose script is fetched after the first frame (or when first rendered, if sooner). */
export function later<Props extends object>(load: () => Promise<ComponentType<Props>>): LazyExoticComponent<ComponentType<Props>> {
  let loaded: Promise<{ default: ComponentType<Props> }> | undefined;
  const fetchOnce = () => {
    // A failed fetch ahead of time (the LAN dropped) is not kept: the first render asks again.
    loaded ??= withWholeStyles(load()).then(
      (component) => ({ default: component }),
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    );
    return loaded;
  };
  if (fetching) void fetchOnce().catch(() => undefined);
  else waiting.push(fetchOnce);
  return lazy(fetchOnce);
}

/** Fetches every later part's script; called once the first frame is on screen. Idempotent. */
export function fetchLaterParts(): void {
  if (fetching) return;
  fetching = true;
  void loadWholeStyles();
  for (const fetchOnce of waiting.splice(0)) void fetchOnce().catch(() => undefined);
}

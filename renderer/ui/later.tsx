/**
 * Code loaded after the first screen: the console's pages (routes.tsx) and the parts of a screen
 * nobody sees until they ask for them (a dialog, a drawer, a popover).
 *
 * Why: a cold load of the board is bound by compiling script, not by its data (docs/performance.md,
 * 2026-12-05 and 2026-12-06). Code that only runs when a dialog opens was still downloaded, parsed
 * and evaluated before the board could paint. A `later` part is fetched instead right after the
 * first frame (`fetchLaterParts`, called by the app shell), well before anyone can press the
 * button that opens it. Every piece also waits for antd's whole stylesheet (whole-styles.ts).
 */
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { PartFailed, PartWaiting } from './part-status';
import { loadWholeStyles, withWholeStyles } from './whole-styles';

/**
 * A component whose script is loaded on demand (`preload`). Once loaded it renders at once, not
 * through React.lazy, which would suspend for a tick and then hold the reveal back by React's
 * Suspense throttle (~300 ms): a dialog opened with F4 must take the keys typed right after.
 * A failed load is not kept: the next mount asks again.
 */
export function lazyPart<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<{ default: ComponentType<Props> }> | undefined;
  const preload = () =>
    (loading ??= withWholeStyles(load()).then(
      (component) => {
        loaded = component;
        return { default: component };
      },
      (error: unknown) => {
        loading = undefined;
        // React.lazy keeps a rejection for good: the next mount gets a fresh one.
        pending = lazy(preload);
        throw error;
      },
    ));
  let pending = lazy(preload);
  function Part(props: Props) {
    // Chosen once per mount: switching from the lazy one to the loaded one would remount the part.
    const [Shown] = useState<ComponentType<Props>>(() => loaded ?? pending);
    return <Shown {...props} />;
  }
  return { Part, preload };
}

/** What a call site may tell a later part besides its own props. */
export interface LaterOptions {
  /**
   * Shown instead of the part while its script loads and if it cannot be loaded (the comfort
   * popover's own button). Without it: "Opening…", then a message with Reload and Dismiss.
   */
  partFallback?: ReactNode;
  /** Changes each time a person asks for the part again (opens the dialog): a failed part tries again. */
  partAttempt?: number;
  /** Dismiss on the failure message: the call site closes what it had opened. */
  partClose?(): void;
}

interface BoundaryProps {
  children: ReactNode;
  fallback: ReactNode;
  attempt: number | undefined;
  onClose: (() => void) | undefined;
}

interface BoundaryState {
  failed: boolean;
  dismissed: boolean;
  attempt: number | undefined;
}

/**
 * A part whose script failed to load (the LAN dropped) does not take the console down with it: it
 * says so, with Reload and Dismiss (closes it; asked for again, it tries again, and says so again
 * if that fails too).
 */
class PartBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, dismissed: false, attempt: this.props.attempt };
  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true, dismissed: false };
  }
  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    // Asked for again after a failure: try again.
    return props.attempt !== state.attempt ? { failed: false, dismissed: false, attempt: props.attempt } : null;
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    if (this.props.fallback !== undefined) return this.props.fallback;
    if (this.state.dismissed) return null;
    return (
      <PartFailed
        onDismiss={() => {
          this.setState({ dismissed: true });
          this.props.onClose?.();
        }}
      />
    );
  }
}

const waiting: (() => Promise<unknown>)[] = [];
let fetching = false;

/** A part of a screen whose script is fetched after the first frame (or when first drawn, if sooner). */
export function later<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props & LaterOptions> {
  const { Part, preload } = lazyPart(load);
  const fetchAhead = () => preload().catch(() => undefined);
  if (fetching) void fetchAhead();
  else waiting.push(fetchAhead);
  return function Later({ partFallback, partAttempt, partClose, ...props }: Props & LaterOptions) {
    return (
      <PartBoundary fallback={partFallback} attempt={partAttempt} onClose={partClose}>
        <Suspense fallback={partFallback ?? <PartWaiting />}>
          <Part {...(props as Props)} />
        </Suspense>
      </PartBoundary>
    );
  };
}

/** Fetches every later part's script and antd's whole stylesheet; called once the first frame is on screen. Idempotent. */
export function fetchLaterParts(): void {
  if (fetching) return;
  fetching = true;
  void loadWholeStyles();
  for (const fetchAhead of waiting.splice(0)) void fetchAhead();
}

/**
 * How many times `open` has turned true: a later part's `partAttempt`, so that a part that failed
 * to load tries again when a person asks for it again, and not on every render of its parent.
 */
export function useTimesOpened(open: boolean): number {
  const [seen, setSeen] = useState({ open, times: open ? 1 : 0 });
  if (seen.open !== open) {
    const next = { open, times: open ? seen.times + 1 : seen.times };
    setSeen(next);
    return next.times;
  }
  return seen.times;
}

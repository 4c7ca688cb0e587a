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
import { Component, lazy, useState, type ComponentType, type ReactNode } from 'react';
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

/**
 * A part whose script failed to load (the LAN dropped) draws nothing rather than taking the
 * console down with it. Drawn again with new props it tries again, though a browser may keep a
 * failed module import until the page is reloaded.
 */
class PartBoundary extends Component<{ children: ReactNode; attempt: object }, { failed: boolean; failedWith: object | null }> {
  override state = { failed: false, failedWith: null as object | null };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  static getDerivedStateFromProps(props: { attempt: object }, state: { failed: boolean; failedWith: object | null }) {
    // Drawn again with new props after a failure: try again.
    return state.failed && state.failedWith !== null && state.failedWith !== props.attempt ? { failed: false, failedWith: null } : null;
  }
  override componentDidCatch() {
    this.setState({ failedWith: this.props.attempt });
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

const waiting: (() => Promise<unknown>)[] = [];
let fetching = false;

/** A part of a screen whose script is fetched after the first frame (or when first drawn, if sooner). */
export function later<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  const { Part, preload } = lazyPart(load);
  const fetchAhead = () => preload().catch(() => undefined);
  if (fetching) void fetchAhead();
  else waiting.push(fetchAhead);
  return function Later(props: Props) {
    return (
      <PartBoundary attempt={props}>
        <Part {...props} />
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

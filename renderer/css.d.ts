declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}

/** The console's own global stylesheet: touch targets on coarse pointers (issue 13). */
declare module '*/touch.css';

/** The console's two font weights (renderer/ui/typography.css). */
declare module '*/typography.css';

/** The page's own margins (renderer/ui/base.css). */
declare module '*/base.css';

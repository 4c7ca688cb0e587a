// Types of scripts/antd-styles.mjs, for its tests.
export declare const ANTD_CLASS_PREFIXES: Readonly<Record<string, readonly string[]>>;
export declare function antdFoldersOf(moduleIds: Iterable<string>): Set<string>;
export declare function firstScreenAntdCss(css: string, onFirstScreen: ReadonlySet<string>): string;
export declare function addAntdStyles(rendererOut: string, firstScreenModuleIds: Iterable<string>): { wholeBytes: number; firstBytes: number };

import type { ThemeConfig } from 'antd';

/**
 * The console's header (clinic, bell, language, lock, user): toasts open below it, never over it
 * (issue 13 part 6: the check-in greeting covered the header for 8 s).
 */
export const HEADER_HEIGHT = 56;
/** Where messages start: just under the header. */
export const TOAST_TOP = HEADER_HEIGHT + 12;

/** Calm and dense: a muted teal, compact rows, fonts that carry Chinese well. */
export const theme: ThemeConfig = {
  // antd's styles come from its prebuilt stylesheet (antd/dist/antd.css, linked by the build: scripts/antd-styles.mjs),
  // not generated at run time: CSS-in-JS cost a first render of the board ~0.3 s and every render
  // of a search result list a good part of its time (docs/performance.md). The tokens below still
  // apply: the stylesheet reads them as CSS variables, which ConfigProvider writes.
  zeroRuntime: true,
  hashed: false,
  token: {
    colorPrimary: '#0e7c7b',
    colorInfo: '#0e7c7b',
    borderRadius: 6,
    fontSize: 14,
    fontFamily:
      "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f3f5f7',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2a33', headerHeight: HEADER_HEIGHT, headerPadding: '0 20px' },
    Menu: { darkItemBg: '#0f2a33', darkItemSelectedBg: '#0e7c7b' },
    Table: { cellPaddingBlockSM: 6 },
    // Toasts (overdue comfort, the check-in greeting) stack in the bottom corner over the page, its
    // dialogs and drawers, but under anything the clerk has just opened: a confirmation, a menu, a
    // select's list, a tooltip (antd: popover 1030, dropdown and select 1050, tooltip 1070; its own
    // default of 2050 put three overdue-comfort toasts over a manager's "停用" confirmation, and a
    // pointer resting on them keeps them open: test:clock, 2026-12-07). Dialogs and drawers are 1000.
    Notification: { zIndexPopup: 1010 },
  },
};

/**
 * The same theme for a finger (a coarse pointer, issue 13): every control is at least 44 px high,
 * the size WCAG 2.5.5 and both tablet platforms ask of a touch target. Through antd's size tokens,
 * so every button, field, select, segmented control and menu entry grows at once, small ones too;
 * what the tokens do not reach (checkboxes, links, tabs) is in touch.css.
 */
export const touchTheme: ThemeConfig = {
  ...theme,
  token: { ...theme.token, controlHeight: 44, controlHeightSM: 44, controlHeightLG: 48, controlHeightXS: 44 },
  components: {
    ...theme.components,
    Menu: { ...theme.components?.Menu, itemHeight: 48, collapsedWidth: 64 },
    // A segmented item is the control's height less its track's padding: 48 gives 44 px items.
    Segmented: { itemSelectedBg: '#ffffff', controlHeight: 48, controlHeightSM: 48, controlHeightLG: 52 },
    Pagination: { itemSize: 44, itemSizeSM: 44 },
  },
};

import type { ThemeConfig } from 'antd';

/** Calm and dense: a muted teal, compact rows, fonts that carry Chinese well. */
export const theme: ThemeConfig = {
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
    Layout: { headerBg: '#ffffff', siderBg: '#0f2a33', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { darkItemBg: '#0f2a33', darkItemSelectedBg: '#0e7c7b' },
    Table: { cellPaddingBlockSM: 6 },
  },
};

/**
 * How every Descriptions (label: value list) of the console is laid out, set once on the
 * ConfigProvider: labels keep their width on one line, values wrap anywhere and keep the line
 * breaks typed into them. A 300-character note in the appointment drawer had crushed the label
 * column to one character (issue 13 part 4); any drawer or card with a long value is now the same.
 */
import type { ConfigProviderProps } from 'antd';

export const descriptionsConfig: NonNullable<ConfigProviderProps['descriptions']> = {
  styles: {
    label: { whiteSpace: 'nowrap', verticalAlign: 'top' },
    content: { overflowWrap: 'anywhere', wordBreak: 'break-word', whiteSpace: 'pre-wrap', minWidth: 0 },
  },
};

/**
 * The board card's icons as static SVG elements, made once from antd's own icon definitions. The
 * `@ant-design/icons` components cost each icon six fibers, a context read and a style check on
 * every render of every card; these are two elements that React never re-renders.
 */
import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/es/types';
import CheckOutlined from '@ant-design/icons-svg/es/asn/CheckOutlined';
import DownOutlined from '@ant-design/icons-svg/es/asn/DownOutlined';
import HistoryOutlined from '@ant-design/icons-svg/es/asn/HistoryOutlined';
import type { ReactElement } from 'react';

/** An outlined icon as antd draws it (`.anticon`: 1em, the text's colour), hidden from screen readers. */
function staticIcon(definition: IconDefinition): ReactElement {
  const svg = definition.icon as AbstractNode;
  return (
    <span role="img" aria-hidden="true" className="anticon">
      <svg viewBox={svg.attrs.viewBox} width="1em" height="1em" fill="currentColor" focusable="false">
        {svg.children?.map((path) => <path key={path.attrs.d} d={path.attrs.d} />)}
      </svg>
    </span>
  );
}

export const CHECK_ICON = staticIcon(CheckOutlined);
export const DOWN_ICON = staticIcon(DownOutlined);
export const HISTORY_ICON = staticIcon(HistoryOutlined);

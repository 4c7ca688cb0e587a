import { catalogs } from './catalog/index';
import type { CountedMessage } from './catalog/define';
import type { MessageKey } from './zh';

/**
 * The English catalogue: every key of the Chinese source (each domain's file has the same keys,
 * checked by the compiler). One Object.assign, as the Chinese one (./zh.ts says why).
 */
export const en: Record<MessageKey, string | CountedMessage> = Object.assign({}, ...Object.values(catalogs).map((domain) => domain.en)) as Record<MessageKey, string | CountedMessage>;

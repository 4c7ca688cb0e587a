import type { CustomerTag } from '../../../shared/domain/customers';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { PlainTagColor } from '../../ui/plain-tag';

/** Tag colours: VIP gold, the feelings to mind (anxious, discreet) warm, the rest calm. */
export const TAG_COLORS: Record<CustomerTag, PlainTagColor> = {
  vip: 'gold',
  first_visit: 'orange',
  returning: 'blue',
  anxious: 'volcano',
  discreet: 'purple',
  price_sensitive: 'cyan',
  accompanied: 'geekblue',
};

/** The catalogue key of a tag's label. */
export const tagLabel = (tag: CustomerTag): MessageKey => `customers.tag.${tag}`;

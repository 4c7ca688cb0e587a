import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/** Consents, who looked, a customer's copy and erasure (issue 20): each a few lines over the privacy service. */
export function createPrivacyHandlers(services: Services): HandlersOf<'privacy'> {
  return {
    'privacy.consents': (input, context) => services.privacy.consents(context.db, input.customerId),

    'privacy.recordConsent': async (input, context) => {
      const consent = await services.privacy.recordConsent(context.db, input, requireActor(context).staffId, context.now);
      context.audit({ target: `customer:${input.customerId}`, diff: { consent: consent.purpose, method: consent.method, textVersion: consent.textVersion } });
      context.emit('privacy.changed', { customerIds: [input.customerId] });
      return consent;
    },

    'privacy.withdrawConsent': async (input, context) => {
      const { consent, customerId } = await services.privacy.withdrawConsent(context.db, input.consentId, requireActor(context).staffId, context.now);
      context.audit({ target: `customer:${customerId}`, diff: { withdrawn: consent.purpose, consentId: consent.id } });
      context.emit('privacy.changed', { customerIds: [customerId] });
      return consent;
    },

    'privacy.consentTexts': (_input, context) => services.privacy.consentTexts(context.db),

    'privacy.saveConsentText': async (input, context) => {
      const text = await services.privacy.saveConsentText(context.db, input, requireActor(context).staffId, context.now);
      context.audit({ target: `consent_text:${text.purpose}`, diff: { version: text.version } });
      context.emit('privacy.changed', { customerIds: [] });
      return text;
    },

    'privacy.accessLog': (input, context) => services.privacy.accessLog(context.db, input.customerId, input.limit),

    'privacy.export': async (input, context) => {
      const actor = requireActor(context);
      const copy = await services.privacy.exportCustomer(context.db, input.customerId, { staffId: actor.staffId, device: context.caller.device }, context.now);
      context.audit({ target: `customer:${input.customerId}`, diff: { exported: Object.keys(copy.tables).length } });
      return copy;
    },

    'privacy.erasurePreview': (input, context) => services.privacy.erasurePreview(context.db, input.customerId),

    'privacy.erase': async (input, context) => {
      const erased = await services.privacy.erase(context.db, input, context.now);
      // The audit row names the record and the hold, never what was erased.
      context.audit({ target: `customer:${input.customerId}`, diff: { erased: true, heldUntil: erased.heldUntil } });
      context.emit('privacy.erased', { customerIds: [input.customerId] });
      context.emit('customers.changed', { ids: [input.customerId] });
      return erased;
    },

    'privacy.holds': (_input, context) => services.privacy.holds(context.db, context.now),
  };
}

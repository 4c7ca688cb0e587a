/**
 * Every migration, in order, as a static list: no directory scan, so the list survives bundling
 * and the asar archive. Add a file, then add it here; never edit one that has shipped.
 */
import type { Migration } from 'kysely/migration';
import * as m001 from './001-spine';
import * as m002 from './002-customers';
import * as m003 from './003-roster';
import * as m004 from './004-booking';
import * as m005 from './005-printing';
import * as m006 from './006-visits';
import * as m007 from './007-checklists';
import * as m008 from './008-notifications';
import * as m009 from './009-comfort';
import * as m010 from './010-comfort-rule-edits';
import * as m011 from './011-one-open-visit';
import * as m012 from './012-escorts';
import * as m013 from './013-devices';
import * as m014 from './014-staff-admin';
import * as m015 from './015-stay';
import * as m016 from './016-follow-ups';
import * as m017 from './017-report';
import * as m020 from './020-edit-versions';
import * as m021 from './021-privacy';
import * as m022 from './022-report-care';
import * as m025 from './025-specialty-en';
import * as m026 from './026-consent-signature';
import * as m027 from './027-audit-filing';
import * as m028 from './028-report-escort-facts';

export const migrations: Record<string, Migration> = {
  '001-spine': m001,
  '002-customers': m002,
  '003-roster': m003,
  '004-booking': m004,
  '005-printing': m005,
  '006-visits': m006,
  '007-checklists': m007,
  '008-notifications': m008,
  '009-comfort': m009,
  '010-comfort-rule-edits': m010,
  '011-one-open-visit': m011,
  '012-escorts': m012,
  '013-devices': m013,
  '014-staff-admin': m014,
  '015-stay': m015,
  '016-follow-ups': m016,
  '017-report': m017,
  '020-edit-versions': m020,
  '021-privacy': m021,
  '022-report-care': m022,
  '025-specialty-en': m025,
  '026-consent-signature': m026,
  '027-audit-filing': m027,
  '028-report-escort-facts': m028,
};

/** The schema version a fully migrated database has: the number of migrations. */
export const SCHEMA_VERSION = Object.keys(migrations).length;

/** The directions slip of an escort (issue 14): gathered here, rendered by shared/print/directions-slip.ts. */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/contract/errors';
import { maskName } from '../../shared/domain/masking';
import type { SlipPaper } from '../../shared/domain/settings';
import type { Language } from '../../shared/i18n/messages';
import { renderDirectionsSlip, type DirectionsSlipData } from '../../shared/print/directions-slip';
import { escortViewRow, findRoom, listRooms } from '../db/repositories/escorts';
import { readSettings } from '../db/repositories/settings';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** What the slip shows of an escort: the ticket and address form (masked name without one), never more. */
export async function directionsSlipData(db: Db, escortId: number, now: Date): Promise<DirectionsSlipData> {
  const row = await escortViewRow(db, escortId);
  if (!row) throw new AppError('not_found', 'error.notFound', { path: ['escortId'] });
  const to = await findRoom(db, row.to_id);
  if (!to) throw new AppError('not_found', 'error.notFound', { path: ['escortId'] });
  const settings = await readSettings(db);
  const floorRooms = (await listRooms(db)).filter((room) => room.floor === to.floor).map((room) => ({ code: room.code, posX: room.pos_x, posY: room.pos_y, target: room.id === to.id }));
  return {
    ticket: row.ticket,
    addressedAs: row.address_form?.trim() || maskName(row.customer_name),
    printedAt: now.toISOString(),
    timeZone: settings.timeZone,
    clinicName: settings.clinicName,
    clinicNameEn: settings.clinicNameEn,
    from: row.from_id === null ? null : { name: row.from_name ?? '', nameEn: row.from_name_en ?? '', floor: row.from_floor ?? 0 },
    to: { code: to.code, name: to.name, nameEn: to.name_en, floor: to.floor, access: to.access, directions: to.directions, directionsEn: to.directions_en, landmarks: to.landmarks, landmarksEn: to.landmarks_en },
    floorRooms,
  };
}

export async function renderEscortDirections(db: Db, request: { escortId: number; paper?: SlipPaper | undefined; language?: Language | undefined }, fallbackLanguage: Language, now: Date) {
  const data = await directionsSlipData(db, request.escortId, now);
  const paper = request.paper ?? (await readSettings(db)).slipPaper;
  const language = request.language ?? fallbackLanguage;
  return { html: renderDirectionsSlip(data, { paper, language }), paper, language, fileName: `directions-${data.ticket}-${paper}.pdf` };
}

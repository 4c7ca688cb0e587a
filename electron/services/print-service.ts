import type { Kysely, Transaction } from 'kysely';
import QRCode from 'qrcode';
import { AppError } from '../../shared/contract/errors';
import type { PrintJob } from '../../shared/contract/printing';
import { slipCode } from '../../shared/domain/slip-code';
import type { SlipPaper } from '../../shared/domain/settings';
import type { Language } from '../../shared/i18n/messages';
import { renderAppointmentSlip, type SlipData } from '../../shared/print/appointment-slip';
import { findSlipRow, insertPrintJob } from '../db/repositories/print-jobs';
import { readSettings } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import { latinFullName, latinName } from './pinyin';

type Db = Kysely<Database> | Transaction<Database>;

export interface SlipRequest {
  appointmentId: number;
  paper?: SlipPaper | undefined;
  language?: Language | undefined;
}

export interface RenderedSlip {
  html: string;
  paper: SlipPaper;
  language: Language;
  fileName: string;
}

export interface PrintRecord {
  appointmentId: number;
  paper: SlipPaper;
  language: Language;
  printer: string;
  staffId: number;
  device: string;
}

/** Builds appointment slips and keeps the record of every print. */
export interface PrintService {
  /** What the slip of an appointment shows; `not_found` for an unknown appointment. */
  slipData(db: Db, appointmentId: number): Promise<SlipData>;
  /** The slip as HTML on the requested (or the clinic's default) paper, in the requested language. */
  renderSlip(db: Db, request: SlipRequest, fallbackLanguage: Language): Promise<RenderedSlip>;
  /** Records one printed slip (issue 4: "every print is recorded: what, for whom, by whom"). */
  record(db: Db, job: PrintRecord, now: Date): Promise<PrintJob & { customerId: number }>;
}

/** The QR code of a slip code as SVG (error correction M survives a creased receipt). */
export function slipQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

export function createPrintService(): PrintService {
  async function slipData(db: Db, appointmentId: number): Promise<SlipData> {
    const row = await findSlipRow(db, appointmentId);
    if (!row) throw new AppError('not_found', 'error.notFound');
    const settings = await readSettings(db);
    return {
      appointmentId: row.id,
      startsAt: row.starts_at,
      durationMinutes: row.duration_minutes,
      kind: row.kind,
      customer: { name: row.customer_name, addressForm: row.address_form, gender: row.customer_gender, latin: latinName(row.customer_name) },
      doctorName: row.doctor_name,
      doctorNameLatin: row.doctor_name === null ? null : latinFullName(row.doctor_name),
      room:
        row.room_name === null
          ? null
          : {
              name: row.room_name,
              nameEn: row.room_name_en ?? '',
              floor: row.room_floor ?? 0,
              directions: row.room_directions ?? '',
              directionsEn: row.room_directions_en ?? '',
            },
      bring: row.bring,
      clinic: settings,
      qrSvg: await slipQrSvg(slipCode(row.id)),
    };
  }

  return {
    slipData,

    async renderSlip(db, request, fallbackLanguage) {
      const data = await slipData(db, request.appointmentId);
      const settings = await readSettings(db);
      const paper = request.paper ?? settings.slipPaper;
      const language = request.language ?? fallbackLanguage;
      const html = renderAppointmentSlip(data, { paper, language, privacy: settings.slipPrivacy });
      return { html, paper, language, fileName: `slip-${slipCode(data.appointmentId)}-${paper}.pdf` };
    },

    async record(db, job, now) {
      const row = await findSlipRow(db, job.appointmentId);
      if (!row) throw new AppError('not_found', 'error.notFound');
      const printedAt = now.toISOString();
      const id = await insertPrintJob(db, {
        kind: 'slip',
        appointment_id: row.id,
        customer_id: row.customer_id,
        paper: job.paper,
        language: job.language,
        staff_id: job.staffId,
        device: job.device,
        printer: job.printer,
        printed_at: printedAt,
      });
      return {
        id,
        kind: 'slip',
        appointmentId: row.id,
        customerId: row.customer_id,
        paper: job.paper,
        language: job.language,
        printer: job.printer,
        printedAt,
      };
    },
  };
}

/**
 * The clinic's settings: one zod schema with the defaults, so the settings screen, the server and
 * the tests agree on every rule. Stored as one row per key.
 */
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from './clinic-time';
import { DEFAULT_FOLLOW_UP_TEMPLATE, FOLLOW_UP_STEP_KINDS } from './follow-ups';

/** Paper sizes a slip prints on: an 80 mm receipt roll or an A5 sheet. */
export const SLIP_PAPERS = ['80mm', 'a5'] as const;
export type SlipPaper = (typeof SLIP_PAPERS)[number];

/**
 * How much of the customer a slip that may be left behind shows (DESIGN.md, privacy): the form of
 * address only (称呼, the default), the masked name (王*丽), or the full name. Never the phone.
 */
export const SLIP_PRIVACY_LEVELS = ['addressForm', 'maskedName', 'fullName'] as const;
export type SlipPrivacy = (typeof SLIP_PRIVACY_LEVELS)[number];

/** The largest logo kept: about 200 KB of image, as base64 in a data: URL. */
export const LOGO_MAX_CHARS = 280_000;
const LOGO_PATTERN = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

/** An empty string (no logo) or a PNG, JPEG or SVG image as a base64 data: URL of at most ~200 KB. */
export const logoSchema = z
  .string()
  .max(LOGO_MAX_CHARS, { message: 'validation.logoTooLarge' })
  .refine((value) => value === '' || LOGO_PATTERN.test(value), { message: 'validation.logo' });

/**
 * How the lobby display names a called or waiting customer (DESIGN.md, privacy; PIPL Art. 25):
 * the masked name (王*丽, the default), the surname only (王**), or no name at all, the ticket only.
 * Never the full name, in any mode.
 */
export const DISPLAY_NAME_MODES = ['maskedName', 'surnameOnly', 'ticketOnly'] as const;
export type DisplayNameMode = (typeof DISPLAY_NAME_MODES)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** A clinic's phone: digits with the usual spaces, dashes, brackets and a leading +. */
const clinicPhone = z
  .string()
  .trim()
  .max(40)
  .refine((value) => value === '' || /^\+?[\d\s\-()]{5,}$/.test(value), { message: 'validation.format' });

// Follow-ups and surveys (issue 17): one step of a follow-up template.
const followUpStepSchema = z
  .object({ kind: z.enum(FOLLOW_UP_STEP_KINDS), days: z.number().int().min(0).max(365), months: z.number().int().min(0).max(24) })
  .strict();
const followUpTemplateSchema = z.array(followUpStepSchema).min(1).max(12);

export const settingsSchema = z.object({
  clinicName: z.string().trim().min(1).max(60),
  clinicNameEn: z.string().trim().max(80),
  /** The clinic's street address, printed on every slip. */
  clinicAddress: z.string().trim().max(200),
  clinicAddressEn: z.string().trim().max(300),
  clinicPhone,
  /** How to get here by public transport (metro line and exit, bus). */
  transportDirections: z.string().trim().max(500),
  transportDirectionsEn: z.string().trim().max(800),
  parkingDirections: z.string().trim().max(500),
  parkingDirectionsEn: z.string().trim().max(800),
  logo: logoSchema,
  timeZone: z.string().refine(isValidTimeZone, { message: 'validation.timeZone' }),
  /** Opening hours, clinic time `HH:MM`. */
  opensAt: clockTime,
  closesAt: clockTime,
  /** The console locks back to sign-in after this many idle minutes. */
  idleLockMinutes: z.number().int().min(1).max(120),
  /** seed 004 rule 26: a waiting customer's timer turns amber, then red. */
  waitAmberMinutes: z.number().int().min(1).max(240),
  waitRedMinutes: z.number().int().min(2).max(480),
  slipPaper: z.enum(SLIP_PAPERS),
  slipPrivacy: z.enum(SLIP_PRIVACY_LEVELS),
  /** The desktop's printer for slips; empty means the system's default printer. */
  printerName: z.string().trim().max(120),
  /** Desktop only: print without showing the print dialog. */
  silentPrinting: z.boolean(),
  /** The lobby display: how a customer is named (never in full). */
  displayNameMode: z.enum(DISPLAY_NAME_MODES),
  /** The lobby display: an English line beneath each Chinese one. */
  displayEnglish: z.boolean(),
  /** The lobby display: how many recent calls it lists (the newest shown large) and how many waiting tickets. */
  displayCalledCount: z.number().int().min(1).max(8),
  displayWaitingCount: z.number().int().min(0).max(20),
  // Privacy and the law (issue 20): how long each kind of data is kept, never under its lawful
  // minimum (shared/domain/privacy.ts, RETENTION_MINIMUM_YEARS).
  /** Treatment records after the last visit (医疗机构管理条例实施细则 Art. 53: at least 15 years). */
  retentionMedicalRecordYears: z.number().int().min(15).max(50),
  /** Who looked at a record (PIPL Art. 56: at least 3 years). */
  retentionAccessLogYears: z.number().int().min(3).max(30),
  /** The audit log of changes (at least 3 years). */
  retentionAuditLogYears: z.number().int().min(3).max(30),
  /** A customer never treated and not seen for this long is listed for a manager to erase. */
  retentionInactiveCustomerYears: z.number().int().min(1).max(30),
  // The manager's report (issue 18).
  /** At closing time, generate and keep the day's report and tell the managers its headline figures. */
  reportAtClosing: z.boolean(),
  // Escorts (issue 14): when a step counts as delayed and alerts the desk (DESIGN.md: transport
  // systems' "delayed"; the 5-minute goal from request to pick-up), and the door wait's amber
  // (seed 004 rule 26: customers hate waiting most).
  escortTakeMinutes: z.number().int().min(1).max(60),
  escortPickUpMinutes: z.number().int().min(1).max(60),
  escortDoorAmberMinutes: z.number().int().min(1).max(60),
  // --- The consultation's outcome, the screen and the stay on the ward (issue 16) ---
  /** A psychological screen older than this many months is repeated before surgery. */
  screeningValidMonths: z.number().int().min(1).max(36),
  /** "Thinking it over": the follow-up call this many days later. */
  thinkingFollowupDays: z.number().int().min(1).max(60),
  /** seed 004 rule 15: a medicine cost above this (yuan) is explained before discharge. */
  medicineCostExplainAbove: z.number().int().min(0).max(100_000),
  /** Beds in each ward room (rooms of kind `ward`). */
  wardBedsPerRoom: z.number().int().min(1).max(12),
  /** seed 004 rule 12: ward rounds (at least two a day, ≥ 10 min each). */
  wardRoundTimes: z.array(clockTime).min(2).max(8),
  /** seed 004 rule 4: night rounds. */
  wardNightRoundTimes: z.array(clockTime).max(8),
  /** seed 004 rule 20: when the meal choice is offered (three times a day). */
  wardMealChoiceTimes: z.array(clockTime).min(1).max(6),
  /** seed 004 rule 20: the restaurants whose menus are offered (several, "not only 永和豆浆"). */
  restaurantMenus: z.array(z.string().trim().min(1).max(40)).max(12),
  /** seed 004 rule 16: the daily change of gown. */
  wardGownTime: clockTime,
  /** seed 004 rule 23: the surgeon's visit on the day after surgery. */
  wardSurgeonVisitTime: clockTime,
  /** seed 004 rule 13: the next-day re-explanation of the aftercare. */
  aftercareAgainTime: clockTime,
  /** seed 004 rules 3, 21: minutes between infusion checks while one runs. */
  infusionCheckMinutes: z.number().int().min(5).max(120),
  /** An open ward task this late tells the nurse on duty; this late, the head nurse. */
  wardOverdueMinutes: z.number().int().min(1).max(240),
  wardEscalateMinutes: z.number().int().min(2).max(480),
  // --- end of issue 16 ---
  // --- LAN access and paired devices (issue 15) ---
  /** Tablets and the lobby TV may reach this console over the clinic LAN (off: this PC only). */
  lanAccess: z.boolean(),
  /** The port the console listens on for the LAN. */
  lanPort: z.number().int().min(1024).max(65535),
  /** Reception (not only a manager) may show a pairing code. */
  pairingByReception: z.boolean(),
  // --- end LAN access ---
  // Today's late bookings (issue 13 part 10): a booking this many minutes past its time with no
  // arrival is suggested for a phone call (seed 004 rule 26: customers hate waiting; so does the doctor).
  lateCallMinutes: z.number().int().min(1).max(240),
  // Follow-ups and surveys (issue 17; seed 000 steps 9–10).
  /** The plan made for a surgery whose item has no template of its own: calls on day 1, 3, 7, a visit at one month. */
  followUpDefaultTemplate: followUpTemplateSchema,
  /** Templates per item, keyed by the item's id. */
  followUpItemTemplates: z.record(z.string().regex(/^\d{1,9}$/), followUpTemplateSchema),
  /** A call still open this many days after its due day goes to the manager. */
  followUpOverdueDays: z.number().int().min(1).max(30),
  /** A survey with any aspect (1–5) at or below this, or would-recommend (0–10) at or below the next, goes to the manager. */
  surveyLowAspect: z.number().int().min(1).max(4),
  surveyLowRecommend: z.number().int().min(0).max(9),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  clinicName: '悦颜医疗美容门诊部',
  clinicNameEn: 'Yueyan Aesthetic Clinic',
  clinicAddress: '上海市静安区南京西路1266号恒隆广场旁 悦颜大厦1层',
  clinicAddressEn: "Yueyan Building 1F, 1266 West Nanjing Road (next to Plaza 66), Jing'an District, Shanghai",
  clinicPhone: '021-6288 1266',
  transportDirections: '地铁2号线、12号线、13号线南京西路站1号口出，沿南京西路向西步行约300米。',
  transportDirectionsEn:
    'Metro lines 2, 12 and 13 to West Nanjing Road station, exit 1; walk about 300 m west along West Nanjing Road.',
  parkingDirections: '大厦地下停车场B2层（入口在西康路），就诊可免费停车2小时，请在前台盖章。',
  parkingDirectionsEn:
    'Underground car park B2 (entrance on Xikang Road); 2 hours free for patients — have your ticket stamped at the desk.',
  logo: '',
  timeZone: DEFAULT_TIME_ZONE,
  opensAt: '09:00',
  closesAt: '18:00',
  idleLockMinutes: 5,
  waitAmberMinutes: 15,
  waitRedMinutes: 30,
  slipPaper: '80mm',
  slipPrivacy: 'addressForm',
  printerName: '',
  silentPrinting: false,
  displayNameMode: 'maskedName',
  displayEnglish: false,
  displayCalledCount: 4,
  displayWaitingCount: 8,
  retentionMedicalRecordYears: 15,
  retentionAccessLogYears: 3,
  retentionAuditLogYears: 3,
  retentionInactiveCustomerYears: 3,
  // The manager's report (issue 18).
  reportAtClosing: false,
  // Escorts (issue 14)
  escortTakeMinutes: 3,
  escortPickUpMinutes: 5,
  escortDoorAmberMinutes: 3,
  // --- issue 16: outcome, screen, stay ---
  screeningValidMonths: 6,
  thinkingFollowupDays: 3,
  medicineCostExplainAbove: 100,
  wardBedsPerRoom: 2,
  wardRoundTimes: ['10:00', '16:00'],
  wardNightRoundTimes: ['22:00', '02:00'],
  wardMealChoiceTimes: ['07:00', '10:30', '16:30'],
  restaurantMenus: ['永和豆浆', '粥面坊', '本帮菜馆', '轻食沙拉'],
  wardGownTime: '08:30',
  wardSurgeonVisitTime: '10:00',
  aftercareAgainTime: '10:00',
  infusionCheckMinutes: 30,
  wardOverdueMinutes: 15,
  wardEscalateMinutes: 45,
  // --- end of issue 16 ---
  // LAN access and paired devices (issue 15)
  lanAccess: false,
  lanPort: 5170,
  pairingByReception: false,
  // Today's late bookings (issue 13 part 10).
  lateCallMinutes: 15,
  // Follow-ups and surveys (issue 17).
  followUpDefaultTemplate: DEFAULT_FOLLOW_UP_TEMPLATE.map((step) => ({ ...step })),
  followUpItemTemplates: {},
  followUpOverdueDays: 2,
  surveyLowAspect: 2,
  surveyLowRecommend: 6,
};

export type SettingKey = keyof Settings;

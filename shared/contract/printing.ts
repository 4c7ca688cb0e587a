/**
 * Printing: the appointment slip as HTML, the record of every print, and the desktop's printers.
 * A preview is not a print: only `print.record` (browser mode, when the user prints) and
 * `print.toDevice` (desktop) leave a `print_jobs` row and an audit row.
 */
import { z } from 'zod';
import { SLIP_PAPERS } from '../domain/settings';
import type { Role } from '../domain/roles';
import { LANGUAGES } from '../i18n/messages';
import { idSchema, instantSchema } from './common';
import { defineMethod } from './define';

/** Who may print a slip: the people who book and receive customers (not guides, not the display). */
export const SLIP_ROLES = ['reception', 'manager', 'consultant', 'nurse', 'doctor'] as const satisfies readonly Role[];

export const PRINT_KINDS = ['slip'] as const;
export const languageSchema = z.enum(LANGUAGES);

/** Which slip, on which paper, in which language (the clinic's defaults when left out). */
export const slipRequestSchema = z
  .object({
    appointmentId: idSchema,
    paper: z.enum(SLIP_PAPERS).optional(),
    language: languageSchema.optional(),
  })
  .strict();

export const printJobSchema = z.object({
  id: idSchema,
  kind: z.enum(PRINT_KINDS),
  appointmentId: idSchema.nullable(),
  paper: z.enum(SLIP_PAPERS),
  language: languageSchema,
  printer: z.string(),
  printedAt: instantSchema,
});
export type PrintJob = z.infer<typeof printJobSchema>;

export const printMethods = {
  /** The slip of an appointment as a complete HTML document (a preview; records nothing). */
  'print.slip': defineMethod({
    summary: 'An appointment slip as HTML (preview)',
    input: slipRequestSchema,
    output: z.object({
      html: z.string(),
      paper: z.enum(SLIP_PAPERS),
      language: languageSchema,
      /** A file name for a saved PDF, e.g. `slip-FD-000123.pdf`. */
      fileName: z.string(),
    }),
    roles: SLIP_ROLES,
    writes: false,
  }),
  /** Records that a slip was printed (the browser mode calls it as it opens the print dialog). */
  'print.record': defineMethod({
    summary: 'Record a printed slip',
    input: z
      .object({
        kind: z.enum(PRINT_KINDS),
        appointmentId: idSchema,
        paper: z.enum(SLIP_PAPERS),
        language: languageSchema.optional(),
        printer: z.string().max(120).optional(),
      })
      .strict(),
    output: printJobSchema,
    roles: SLIP_ROLES,
    writes: true,
  }),
  /**
   * Desktop only: prints the slip on the clinic's printer (silently when set) or saves it as a
   * PDF, then records it. Over HTTP it answers `invalid`: a browser prints through its own dialog.
   */
  'print.toDevice': defineMethod({
    summary: 'Print a slip on the desktop’s printer or save it as PDF (desktop)',
    input: slipRequestSchema.extend({ target: z.enum(['printer', 'pdf']) }).strict(),
    output: z.object({ printed: z.boolean(), printer: z.string(), file: z.string().nullable() }),
    roles: SLIP_ROLES,
    writes: false,
  }),
  /** Desktop only: the printers the system knows (empty in the browser mode). */
  'print.printers': defineMethod({
    summary: 'The desktop’s printers',
    input: z.object({}).strict(),
    output: z.array(z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() })),
    roles: SLIP_ROLES,
    writes: false,
  }),
} as const;

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { renderAppointmentSlip, slipDate, type SlipData } from './appointment-slip';

const QR = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M1 1h7v7H1z"/></svg>';

/** 王晓丽 (称呼 王姐), double eyelid consultation on Monday 23 Nov 2026, 10:30 in Shanghai. */
function slip(overrides: Partial<SlipData> = {}): SlipData {
  return {
    appointmentId: 123,
    startsAt: '2026-11-23T02:30:00.000Z',
    durationMinutes: 45,
    kind: 'consultation',
    customer: { name: '王晓丽', addressForm: '王姐', gender: 'female', latin: { surname: 'Wang', given: 'Xiaoli' } },
    doctorName: '李慧',
    doctorNameLatin: 'Li Hui',
    room: { name: '咨询室401', nameEn: 'Consultation room 401', floor: 4, directions: '出电梯右转第二间', directionsEn: 'Turn right out of the lift, second door' },
    bring: '身份证',
    clinic: DEFAULT_SETTINGS,
    qrSvg: QR,
    ...overrides,
  };
}

describe('the appointment slip', () => {
  it('greets by the form of address and shows time, floor and room, and the clinic address — in Chinese by default', () => {
    const html = renderAppointmentSlip(slip(), { paper: '80mm', language: 'zh-CN', privacy: 'addressForm' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('王姐，您好');
    expect(html).toContain('2026年11月23日 星期一');
    expect(html).toContain('10:30');
    expect(html).toContain('4楼 · 咨询室401');
    expect(html).toContain('出电梯右转第二间');
    expect(html).toContain(DEFAULT_SETTINGS.clinicAddress);
    expect(html).toContain('FD-000123');
    expect(html).toContain('@page { size: 80mm 200mm; margin: 3mm; }');
  });

  it('never shows the full name under the default privacy, and never an item of interest', () => {
    const html = renderAppointmentSlip(slip(), { paper: 'a5', language: 'zh-CN', privacy: 'addressForm' });
    expect(html).not.toContain('王晓丽');
    expect(html).not.toMatch(/双眼皮|eyelid/i);
    expect(html).toContain('咨询');
    expect(html).toContain('@page { size: A5; margin: 12mm; }');
  });

  it('shows the masked or the full name only when the setting says so', () => {
    expect(renderAppointmentSlip(slip(), { paper: '80mm', language: 'zh-CN', privacy: 'maskedName' })).toContain('王*丽，您好');
    expect(renderAppointmentSlip(slip(), { paper: '80mm', language: 'zh-CN', privacy: 'fullName' })).toContain('王晓丽，您好');
    // No form of address on file: the masked name, never the full one.
    const bare = renderAppointmentSlip(slip({ customer: { name: '王晓丽', addressForm: null } }), {
      paper: '80mm',
      language: 'zh-CN',
      privacy: 'addressForm',
    });
    expect(bare).toContain('王*丽，您好');
    expect(bare).not.toContain('王晓丽');
  });

  it('speaks English when asked, with the English address and directions', () => {
    const html = renderAppointmentSlip(slip(), { paper: 'a5', language: 'en', privacy: 'addressForm' });
    // Issue 13 part 11: an English form of address, not "Dear 王姐".
    expect(html).toContain('Dear Ms Wang');
    expect(html).toContain('Monday, 23 November 2026');
    expect(html).toContain('Floor 4 · Consultation room 401');
    expect(html).toContain('West Nanjing Road');
    expect(html).toContain('Consultation');
  });

  it('escapes every text, so a name or a note cannot inject markup', () => {
    const html = renderAppointmentSlip(
      slip({ customer: { name: 'x', addressForm: '<img src=x onerror=alert(1)>' }, bring: '</dd><script>alert(2)</script>' }),
      { paper: '80mm', language: 'zh-CN', privacy: 'addressForm' },
    );
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/dd&gt;&lt;script&gt;');
  });

  it('refuses a QR code that is not a plain SVG', () => {
    expect(() =>
      renderAppointmentSlip(slip({ qrSvg: '<svg onload="alert(1)"></svg>' }), { paper: '80mm', language: 'en', privacy: 'addressForm' }),
    ).toThrow();
  });

  it('dates by the clinic day, not the computer’s', () => {
    // 23:30 UTC on the 22nd is already Monday the 23rd in Shanghai.
    expect(slipDate('2026-11-22T23:30:00.000Z', 'Asia/Shanghai', 'zh-CN')).toBe('2026年11月23日 星期一');
  });

  it('is all English in English (issue 13 part 11): greeting, doctor, what to bring; no Chinese character left', () => {
    const html = renderAppointmentSlip(slip({ bring: '身份证；近期照片（如有）' }), { paper: 'a5', language: 'en', privacy: 'addressForm' });
    expect(html).toContain('Dear Ms Wang');
    expect(html).toContain('Li Hui');
    expect(html).toContain('ID card; recent photos (if any)');
    const visible = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<svg[\s\S]*?<\/svg>/, '');
    expect(visible.match(/[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]+/g) ?? []).toEqual([]);
  });

  it('greets in English as the privacy setting allows, and a customer with no English form as a guest', () => {
    const en = (customer: SlipData['customer'], privacy: 'addressForm' | 'maskedName' | 'fullName') => renderAppointmentSlip(slip({ customer }), { paper: '80mm', language: 'en', privacy });
    expect(en({ name: '温晓丽', addressForm: '温女士', latin: { surname: 'Wen', given: 'Xiaoli' } }, 'addressForm')).toContain('Dear Ms Wen');
    expect(en({ name: '张磊', addressForm: '张先生', latin: { surname: 'Zhang', given: 'Lei' } }, 'maskedName')).toContain('Dear Mr Zhang');
    expect(en({ name: '温晓丽', addressForm: null, latin: { surname: 'Wen', given: 'Xiaoli' } }, 'fullName')).toContain('Dear Wen Xiaoli');
    expect(en({ name: '温晓丽', addressForm: 'Lily', latin: { surname: 'Wen', given: 'Xiaoli' } }, 'addressForm')).toContain('Dear Lily');
    // No title known and no gender: nothing Chinese, and never the full name.
    const guest = en({ name: '温晓丽', addressForm: '晓丽', latin: { surname: 'Wen', given: 'Xiaoli' } }, 'addressForm');
    expect(guest).toContain('Dear guest');
    expect(guest).not.toContain('Xiaoli');
  });
});


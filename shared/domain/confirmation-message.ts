/**
 * The confirmation text reception reads out or pastes into SMS / WeChat (seed 000 step 3: confirm
 * the time, the place and what to bring). It greets by the preferred address form and never
 * names the item of interest: a message can be read over someone's shoulder.
 */
import type { Language } from '../i18n/messages';
import { bringInEnglish } from './english-forms';

export interface ConfirmationMessageData {
  clinicName: string;
  addressForm: string;
  /** Clinic day `YYYY-MM-DD` and clinic time `HH:MM`. */
  date: string;
  time: string;
  doctorName: string | null;
  /** e.g. 3 楼咨询一室 / 3F Consultation 3-1 */
  place: string | null;
  bring: string;
  clinicPhone?: string | null;
}

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function weekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The message in `language`. */
export function confirmationMessage(data: ConfirmationMessageData, language: Language): string {
  const [, month, day] = data.date.split('-').map(Number) as [number, number, number];
  const index = weekday(data.date);
  if (language === 'en') {
    const parts = [
      `Hello ${data.addressForm}, this is ${data.clinicName}.`,
      `A reminder of your appointment on ${WEEKDAYS_EN[index]} ${day}/${month} at ${data.time}${data.doctorName ? ` with Dr ${data.doctorName}` : ''}${data.place ? `, ${data.place}` : ''}.`,
      // What to bring in English (issue 13 part 11): the desk's usual list translated, its own words kept.
      data.bring ? `Please bring: ${bringInEnglish(data.bring)}.` : '',
      `To change it, please call us${data.clinicPhone ? ` on ${data.clinicPhone}` : ''}. Thank you!`,
    ];
    return parts.filter(Boolean).join(' ');
  }
  const parts = [
    `${data.addressForm}您好，这里是${data.clinicName}。`,
    `提醒您：${month}月${day}日（${WEEKDAYS_ZH[index]}）${data.time}${data.doctorName ? `与${data.doctorName}医生` : ''}有预约${data.place ? `，地点${data.place}` : ''}。`,
    data.bring ? `请携带：${data.bring}。` : '',
    `如需改期请来电${data.clinicPhone ? ` ${data.clinicPhone}` : ''}，谢谢！`,
  ];
  return parts.filter(Boolean).join('');
}

/**
 * A room as every page names it (issue 13 part 6: the weekly roster said "301" where every other
 * page said "3 楼咨询一室"): its full Chinese name, or in English its floor and English name.
 *
 * @example roomLabel({ name: '3 楼咨询一室', nameEn: 'Consultation 3-1', floor: 3 }, 'en') // '3F · Consultation 3-1'
 */
export function roomLabel(room: { name: string; nameEn: string; floor: number } | null | undefined, language: string): string {
  if (!room) return '—';
  return language === 'en' ? `${String(room.floor)}F · ${room.nameEn}` : room.name;
}

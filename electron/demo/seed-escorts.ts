/**
 * The demo building for escorts (issue 14): where each room sits on its floor's plan (0–100
 * across; 0 at the lift lobby, 100 at the back), how one gets there and what to look for, in
 * Chinese and English, so the directions slip's sketch and text read like a real clinic's. Also a
 * cashier by the lobby (the escort "back to the cashier"). seed 004 rule 2: the 4th floor has a
 * guide desk where the customer is greeted.
 */
import type { Kysely } from 'kysely';
import type { Database, RoomAccess } from '../db/schema';

interface RoomPlace {
  posX: number;
  posY: number;
  access: RoomAccess;
  landmarks: string;
  landmarksEn: string;
}

export const DEMO_ROOM_PLACES: Record<string, RoomPlace> = {
  '101': { posX: 50, posY: 30, access: 'level', landmarks: '正门进来即是，前台在左手边', landmarksEn: 'Straight in from the main door; the desk is on the left' },
  '102': { posX: 80, posY: 40, access: 'level', landmarks: '前台右侧，绿植墙旁', landmarksEn: 'Right of the desk, by the green wall' },
  '201': { posX: 75, posY: 35, access: 'both', landmarks: '出电梯右转，蓝色门牌', landmarksEn: 'Right out of the lift, blue door sign' },
  '202': { posX: 75, posY: 65, access: 'both', landmarks: '检验科再往里，门口有候检椅', landmarksEn: 'Past the laboratory, waiting chairs outside' },
  '301': { posX: 15, posY: 85, access: 'lift', landmarks: '走廊尽头，窗边', landmarksEn: 'End of the corridor, by the window' },
  '302': { posX: 20, posY: 60, access: 'lift', landmarks: '左转第二间，门旁有兰花', landmarksEn: 'Second door on the left, an orchid by the door' },
  '303': { posX: 25, posY: 35, access: 'lift', landmarks: '左转第三间，对面是饮水机', landmarksEn: 'Third door on the left, opposite the water cooler' },
  '305': { posX: 80, posY: 45, access: 'lift', landmarks: '护士站对面', landmarksEn: 'Opposite the nurses’ station' },
  '306': { posX: 80, posY: 70, access: 'lift', landmarks: '护士站旁', landmarksEn: 'Next to the nurses’ station' },
  '401': { posX: 65, posY: 40, access: 'lift', landmarks: '出电梯即见导医台，右侧第一间', landmarksEn: 'The guide desk faces the lift; first door on its right' },
  '402': { posX: 80, posY: 60, access: 'lift', landmarks: '导医台右侧第二间，门口有镜面墙', landmarksEn: 'Second door right of the guide desk, mirrored wall outside' },
  '403': { posX: 25, posY: 50, access: 'lift', landmarks: '导医台左侧，粉色沙发对面', landmarksEn: 'Left of the guide desk, opposite the pink sofa' },
  '405': { posX: 50, posY: 92, access: 'lift', landmarks: '走廊尽头，“术前准备”指示牌', landmarksEn: 'End of the corridor, "Pre-op" sign' },
  '501': { posX: 35, posY: 70, access: 'lift', landmarks: '仅限工作人员陪同', landmarksEn: 'Staff escort only' },
  '502': { posX: 70, posY: 70, access: 'lift', landmarks: '仅限工作人员陪同', landmarksEn: 'Staff escort only' },
};

/** Places the demo rooms on their floors and adds the cashier. Idempotent. */
export async function seedEscortRooms(db: Kysely<Database>): Promise<void> {
  const cashier = await db.selectFrom('rooms').select('id').where('code', '=', '102').executeTakeFirst();
  if (!cashier) {
    await db
      .insertInto('rooms')
      .values({ code: '102', name: '一楼收费处', name_en: 'Cashier 1F', floor: 1, kind: 'other', directions: '大堂前台右侧。', directions_en: 'Right of the reception desk in the lobby.' })
      .execute();
  }
  for (const [code, place] of Object.entries(DEMO_ROOM_PLACES)) {
    await db
      .updateTable('rooms')
      .set({ pos_x: place.posX, pos_y: place.posY, access: place.access, landmarks: place.landmarks, landmarks_en: place.landmarksEn })
      .where('code', '=', code)
      .execute();
  }
}

/**
 * The demo clinic's fixed facts: floors 1–5 (lobby 1F, consultation 3F and 4F, prep room 4F,
 * wards 3F), rooms with directions, doctors with specialties, staff across the roles, items.
 */
import type { RoomKind } from '../db/schema';
import type { Role } from '../../shared/domain/roles';

export const DEMO_PIN = '1234';

export interface DemoRoom {
  code: string;
  name: string;
  nameEn: string;
  floor: number;
  kind: RoomKind;
  directions: string;
  directionsEn: string;
}

export const DEMO_ROOMS: DemoRoom[] = [
  { code: '101', name: '一楼大堂', nameEn: 'Lobby', floor: 1, kind: 'lobby', directions: '正门进入即是大堂，前台在左手边。', directionsEn: 'Through the main door; reception is on your left.' },
  { code: '201', name: '检验科', nameEn: 'Laboratory', floor: 2, kind: 'exam', directions: '乘电梯到 2 楼，出电梯右转第一间。', directionsEn: 'Lift to 2F, turn right: the first door.' },
  { code: '202', name: '心电图 / B 超室', nameEn: 'ECG & ultrasound', floor: 2, kind: 'exam', directions: '乘电梯到 2 楼，出电梯右转第二间。', directionsEn: 'Lift to 2F, turn right: the second door.' },
  { code: '301', name: '3 楼咨询一室', nameEn: 'Consultation 3-1', floor: 3, kind: 'consultation', directions: '乘电梯到 3 楼，出电梯左转，走廊尽头左侧。', directionsEn: 'Lift to 3F, turn left; at the end of the corridor on the left.' },
  { code: '302', name: '3 楼咨询二室', nameEn: 'Consultation 3-2', floor: 3, kind: 'consultation', directions: '乘电梯到 3 楼，出电梯左转第二间。', directionsEn: 'Lift to 3F, turn left: the second door.' },
  { code: '303', name: '3 楼咨询三室', nameEn: 'Consultation 3-3', floor: 3, kind: 'consultation', directions: '乘电梯到 3 楼，出电梯左转第三间。', directionsEn: 'Lift to 3F, turn left: the third door.' },
  { code: '305', name: '3 楼病房 A', nameEn: 'Ward 3A', floor: 3, kind: 'ward', directions: '乘电梯到 3 楼，出电梯右转，护士站对面。', directionsEn: 'Lift to 3F, turn right; opposite the nurses’ station.' },
  { code: '306', name: '3 楼病房 B', nameEn: 'Ward 3B', floor: 3, kind: 'ward', directions: '乘电梯到 3 楼，出电梯右转，护士站旁。', directionsEn: 'Lift to 3F, turn right; next to the nurses’ station.' },
  { code: '401', name: '4 楼咨询一室', nameEn: 'Consultation 4-1', floor: 4, kind: 'consultation', directions: '乘电梯到 4 楼，导医台右侧第一间。', directionsEn: 'Lift to 4F; the first door right of the guide desk.' },
  { code: '402', name: '4 楼咨询二室', nameEn: 'Consultation 4-2', floor: 4, kind: 'consultation', directions: '乘电梯到 4 楼，导医台右侧第二间。', directionsEn: 'Lift to 4F; the second door right of the guide desk.' },
  { code: '403', name: '4 楼咨询三室', nameEn: 'Consultation 4-3', floor: 4, kind: 'consultation', directions: '乘电梯到 4 楼，导医台左侧。', directionsEn: 'Lift to 4F; left of the guide desk.' },
  { code: '405', name: '4 楼术前准备室', nameEn: 'Pre-op room 4F', floor: 4, kind: 'prep', directions: '乘电梯到 4 楼，沿指示牌到走廊尽头。', directionsEn: 'Lift to 4F; follow the signs to the end of the corridor.' },
  { code: '501', name: '5 楼手术室一', nameEn: 'Theatre 1', floor: 5, kind: 'operating', directions: '仅限工作人员陪同进入。', directionsEn: 'Staff escort only.' },
  { code: '502', name: '5 楼手术室二', nameEn: 'Theatre 2', floor: 5, kind: 'operating', directions: '仅限工作人员陪同进入。', directionsEn: 'Staff escort only.' },
];

export interface DemoItem {
  code: string;
  name: string;
  nameEn: string;
}

export const DEMO_ITEMS: DemoItem[] = [
  { code: 'eyelid', name: '双眼皮', nameEn: 'Double eyelid' },
  { code: 'eyebag', name: '祛眼袋', nameEn: 'Eye-bag removal' },
  { code: 'rhinoplasty', name: '隆鼻', nameEn: 'Rhinoplasty' },
  { code: 'contour', name: '面部轮廓', nameEn: 'Facial contouring' },
  { code: 'lipo', name: '吸脂塑形', nameEn: 'Liposuction' },
  { code: 'breast', name: '隆胸', nameEn: 'Breast augmentation' },
  { code: 'filler', name: '玻尿酸填充', nameEn: 'Hyaluronic filler' },
  { code: 'botox', name: '肉毒素除皱', nameEn: 'Botulinum wrinkle treatment' },
  { code: 'ipl', name: '光子嫩肤', nameEn: 'IPL rejuvenation' },
  { code: 'skincare', name: '皮肤护理', nameEn: 'Skin care' },
];

export interface DemoStaff {
  name: string;
  role: Role;
  specialty?: string;
  /** The specialty in English (issue 13 part 11). */
  specialtyEn?: string;
  /** A doctor's consultation room code and the items they usually see. */
  room?: string;
  items?: string[];
}

export const DEMO_DOCTORS: DemoStaff[] = [
  { name: '李慧', role: 'doctor', specialty: '眼部整形', specialtyEn: 'Eyelid & eye surgery', room: '301', items: ['eyelid', 'eyebag'] },
  { name: '张振宇', role: 'doctor', specialty: '面部整形', specialtyEn: 'Facial plastic surgery', room: '302', items: ['rhinoplasty', 'filler'] },
  { name: '曾凡', role: 'doctor', specialty: '面部整形', specialtyEn: 'Facial plastic surgery', room: '303', items: ['contour', 'botox'] },
  { name: '刘思远', role: 'doctor', specialty: '吸脂塑形', specialtyEn: 'Liposuction & body contouring', room: '401', items: ['lipo'] },
  { name: '黄静怡', role: 'doctor', specialty: '皮肤美容', specialtyEn: 'Aesthetic dermatology', room: '402', items: ['ipl', 'skincare', 'botox'] },
  { name: '单可', role: 'doctor', specialty: '乳房整形', specialtyEn: 'Breast surgery', room: '403', items: ['breast', 'lipo'] },
];

export const DEMO_STAFF: DemoStaff[] = [
  { name: '陈晓雨', role: 'reception' },
  { name: '林佳', role: 'reception' },
  { name: '赵敏', role: 'guide' },
  { name: '孙婷', role: 'guide' },
  { name: '周雅', role: 'consultant' },
  { name: '吴倩', role: 'consultant' },
  { name: '郑丽', role: 'nurse' },
  { name: '冯静', role: 'nurse' },
  { name: '何芳', role: 'manager' },
  { name: '大堂显示屏', role: 'display' },
];

/** Common surnames, with the polyphonic ones that search must read as surnames (曾 单 解 仇 区). */
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '曾', '单', '解', '仇', '区', '查', '覃',
];

export const GIVEN_FEMALE = ['丽', '静', '敏', '婷', '雪', '芳', '娜', '倩', '颖', '琳', '欣怡', '雨桐', '梓涵', '思琪', '晓燕', '佳慧', '诗涵', '梦瑶', '子萱', '若曦'];
export const GIVEN_MALE = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '浩然', '子轩', '宇航', '俊杰'];

export const BRING_BY_KIND: Record<string, string> = {
  consultation: '身份证；近期照片（如有）',
  followup: '身份证；上次的病历本',
  preop: '身份证；空腹 8 小时',
  surgery: '身份证；术前检查报告；宽松衣物',
  postop: '身份证；出院小结',
};

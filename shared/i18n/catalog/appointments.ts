/** Appointments: the booking form, day and list views, confirmation calls. Keys start with `appointments.`. */
import { defineMessages } from './define';

export const appointmentsMessages = defineMessages(
  {
    'appointments.clash.noShift': '{doctor}医生 {date} 不出诊',
    'appointments.clash.absent': '{doctor}医生今天缺勤，不能预约',
    'appointments.clash.outsideShift': '超出{doctor}医生的出诊时间（{start}–{end}）',
    'appointments.clash.beforeLateArrival': '{doctor}医生今天 {time} 才到，请预约在此之后',
    'appointments.clash.overlap': '与{doctor}医生 {start}–{end} 的预约（{customer}）时间冲突',
    'appointments.overrideManagerOnly': '只有主管可以越过排班或冲突规则预约',
    'appointments.notADoctor': '请选择一位在职医生',
    'appointments.inPast': '不能预约已经过去的日期',
    'appointments.wrongStatus': '该预约当前状态为「{status}」，不能{action}',
    'appointments.action.reschedule': '改期',
    'appointments.action.cancel': '取消',
    'appointments.action.noShow': '标记未到',
    'appointments.action.call': '记录确认电话',
  },
  {
    'appointments.clash.noShift': 'Dr {doctor} is not on shift on {date}',
    'appointments.clash.absent': 'Dr {doctor} is absent today and cannot be booked',
    'appointments.clash.outsideShift': "Outside Dr {doctor}'s hours ({start}–{end})",
    'appointments.clash.beforeLateArrival': 'Dr {doctor} arrives at {time} today; book after that',
    'appointments.clash.overlap': "Clashes with Dr {doctor}'s booking {start}–{end} ({customer})",
    'appointments.overrideManagerOnly': 'Only a manager may book past the roster or a clash',
    'appointments.notADoctor': 'Choose a doctor who is on the staff',
    'appointments.inPast': 'That date has already passed',
    'appointments.wrongStatus': 'This appointment is "{status}" and cannot be {action}',
    'appointments.action.reschedule': 'rescheduled',
    'appointments.action.cancel': 'cancelled',
    'appointments.action.noShow': 'marked as a no-show',
    'appointments.action.call': 'confirmed by phone',
  },
);

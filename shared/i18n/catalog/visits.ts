/** Arrivals: check-in, the queue board, the visit statuses. Keys start with `visits.`. */
import { defineMessages } from './define';

export const visitsMessages = defineMessages(
  {
    'visits.noSuchAppointment': '找不到预约号 {id}',
    'visits.alreadyCheckedIn': '该预约已签到，号码 {ticket}',
    'visits.notToday': '这是 {date} 的预约，不是今天的',
    'visits.wrongTransition': '当前状态为「{from}」，不能改为「{to}」',
    'visits.status.waiting': '等候中',
    'visits.status.called': '已叫号',
    'visits.status.escorting': '导医陪同中',
    'visits.status.in_consultation': '咨询中',
    'visits.status.pre_op_exam': '术前检查',
    'visits.status.done': '已完成',
    'visits.status.left': '未就诊离开',
  },
  {
    'visits.noSuchAppointment': 'No appointment number {id}',
    'visits.alreadyCheckedIn': 'Already checked in, ticket {ticket}',
    'visits.notToday': 'This appointment is on {date}, not today',
    'visits.wrongTransition': 'The visit is "{from}" and cannot become "{to}"',
    'visits.status.waiting': 'Waiting',
    'visits.status.called': 'Called',
    'visits.status.escorting': 'With a guide',
    'visits.status.in_consultation': 'In consultation',
    'visits.status.pre_op_exam': 'Pre-op exam',
    'visits.status.done': 'Done',
    'visits.status.left': 'Left unseen',
  },
);

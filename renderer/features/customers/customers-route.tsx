import type { PageProps } from '../../routes';
import { CustomerDetailPage } from './customer-detail-page';
import { CustomersPage } from './customers-page';

/** `#/customers` is the search; `#/customers/<id>` one customer's page. */
export function CustomersRoute({ session, params, navigate }: PageProps) {
  const timeZone = session.clinic.settings.timeZone;
  const id = Number(params[0]);
  if (params[0] && Number.isInteger(id) && id > 0) return <CustomerDetailPage key={id} id={id} viewer={{ role: session.staff.role, name: session.staff.name, clinicName: session.clinic.settings.clinicName }} timeZone={timeZone} navigate={navigate} />;
  return <CustomersPage timeZone={timeZone} navigate={navigate} />;
}

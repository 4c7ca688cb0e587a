import type { APIRequestContext } from '@playwright/test';

/** Calls the console's HTTP API as a test fixture would (seeding, checking). */
export async function apiCall<T>(request: APIRequestContext, method: string, input: unknown, token?: string): Promise<T> {
  const response = await request.post(`/api/${method}`, {
    data: input,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok()) throw new Error(`${method}: ${body.error?.message ?? response.status()}`);
  return body;
}

export async function staffId(request: APIRequestContext, name: string): Promise<number> {
  const staff = await apiCall<{ id: number; name: string }[]>(request, 'auth.staff', {});
  const found = staff.find((member) => member.name === name);
  if (!found) throw new Error(`no staff named ${name}`);
  return found.id;
}

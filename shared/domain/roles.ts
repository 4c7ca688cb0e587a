/** Every staff role of the console (DESIGN.md, "Who uses it"). */
export const ROLES = ['reception', 'guide', 'consultant', 'nurse', 'doctor', 'manager', 'display'] as const;

export type Role = (typeof ROLES)[number];

/** The roles of people who work with customers: everyone but the lobby display. */
export const STAFF_ROLES = ROLES.filter((role) => role !== 'display') as Exclude<Role, 'display'>[];

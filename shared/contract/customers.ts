/** The customers methods of the contract (filled in by the customers feature). */
export const customerMethods = {} as const;

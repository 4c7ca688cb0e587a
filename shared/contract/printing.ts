/** The printing methods of the contract (filled in by the printing feature). */
export const printMethods = {} as const;

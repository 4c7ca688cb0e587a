/** The roster methods of the contract (filled in by the roster feature). */
export const rosterMethods = {} as const;

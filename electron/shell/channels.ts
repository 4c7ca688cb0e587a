/** The two IPC channels between the preload bridge and the main process; nothing else crosses. */
export const CALL_CHANNEL = 'frontdesk:call';
export const NOTICE_CHANNEL = 'frontdesk:notice';

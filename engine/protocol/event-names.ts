// The transport's event names, apart from the schemas: a client that only sends commands (the
// page's Socket.IO client) needs these strings, not the validation code.

/** A client emits COMMAND_EVENT with a request and an acknowledgement. */
export const COMMAND_EVENT = 'command';
/** Replies to requests sent without an acknowledgement callback come back as this event. */
export const REPLY_EVENT = 'reply';

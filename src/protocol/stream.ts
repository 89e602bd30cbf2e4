/**
 * How a run's trace streams from the worker to the page: the worker posts what it has simulated every
 * STREAM_POST_MS (the page deserializes each batch as it comes, while the worker goes on), and the page hands the
 * steps to its store at most once per STREAM_RENDER_MS (app/inbox.ts), since each hand-over re-renders every panel
 * over the whole trace so far.
 */
export const STREAM_POST_MS = 50
export const STREAM_RENDER_MS = 1000

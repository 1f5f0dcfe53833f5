// The hashing helper for build jobs.
export { hashCommand, HASH_HELP } from './command.js';
export type { CommandIo } from './command.js';
export { hashFiles } from './hash-files.js';
export type { HashOptions, HashProgress } from './hash-files.js';

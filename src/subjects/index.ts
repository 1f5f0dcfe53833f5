// The tenant-controlled subjects: parsing, limits, merging and formatting.
export { parseBase64Subjects, parseSubjectsBytes, parseSubjectsText } from './parse.js';
export { mergeSubjects } from './merge.js';
export { formatBase64Subjects, formatSubjectsText } from './format.js';
export { MAX_NAME_BYTES, MAX_SUBJECTS, SUPPORTED_ALGORITHMS } from './limits.js';
export { subjectNameProblem } from './name.js';

/** Header src/proxy.ts sets to the address asked for (path and query). */
export const PATH_HEADER = 'x-gridshare-path';

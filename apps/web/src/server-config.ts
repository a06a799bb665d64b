// The portal's validated configuration, loaded once on the server (config.ts says what each variable is).
import 'server-only';
import { loadWebConfig } from './config';

export const webConfig = loadWebConfig();

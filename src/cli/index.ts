import { APP_VERSION } from '../shared/version';

process.stdout.write(`device-mail-doctor ${APP_VERSION}\n`);

/**
 * Modes for what the app keeps about an import (sessions, journals, upload state, logs, thumbnails,
 * the Sandbox's data): readable by the user only, as the profile files are. File names, paths,
 * metadata and upload ids are nobody else's business on a shared computer. Set when a file or
 * folder is created (umask can only take bits away); exports keep the mode the user's system gives.
 */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

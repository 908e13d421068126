/** File-system error codes in words an editor can act on; shared by the walk and the probe. */
const messages: Record<string, string> = {
  EACCES: 'permission denied: this account may not read it (check its sharing and permissions)',
  EPERM: 'permission denied: the system does not allow reading it',
  ENOENT: 'not found: it was moved or deleted during the scan',
  ELOOP: 'symbolic link loop: the link points back to itself',
  EIO: 'input/output error: the disk or card may be damaged or was removed',
  ENAMETOOLONG: 'path too long for this system',
  EBUSY: 'busy: another program holds it open',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many open files: try again with fewer files at once',
  ENFILE: 'too many open files: try again with fewer files at once',
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  if (code && messages[code]) return messages[code]
  const message = err instanceof Error ? err.message : String(err)
  return code ? `${code}: ${message}` : message
}

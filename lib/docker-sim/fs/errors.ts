// File errors as the kernel reports them (errno), and how each family of tools words them.

export type Errno = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EROFS' | 'EXDEV' | 'EINVAL' | 'ELOOP' | 'EBUSY'

/** strerror(3) of glibc and musl for these codes: the text every tool appends. */
export const ERRNO_TEXT: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EXDEV: 'Invalid cross-device link',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EBUSY: 'Device or resource busy',
}

export class FsError extends Error {
  constructor(readonly code: Errno, readonly path: string) {
    super(`${ERRNO_TEXT[code]}: ${path}`)
    this.name = 'FsError'
  }

  get text(): string {
    return ERRNO_TEXT[this.code]
  }
}

export function isFsError(error: unknown): error is FsError {
  return error instanceof FsError
}

// `docker run -u` / `docker exec -u`: the user a container's processes run as, looked up in the
// container's own /etc/passwd and /etc/group as runc does (moby/sys/user GetExecUser): a name must be
// there; a number need not be (then it has no name, group 0 and HOME /).

import type { FileSystem } from './process'

export interface ResolvedUser {
  /** null for a number with no passwd entry (`id` prints `uid=1000`, bash's prompt `I have no name!`). */
  name: string | null
  uid: number
  gid: number
  /** The group's name, null when /etc/group has none for the gid. */
  group: string | null
  home: string
}

interface Entry { name: string, id: number, gid: number, home: string }

function table(fs: FileSystem, path: string): Entry[] {
  let text = ''
  try {
    text = fs.readFile(path)
  }
  catch {
    return []
  }
  return text.split('\n').filter(line => line && !line.startsWith('#')).map((line) => {
    const fields = line.split(':')
    return { name: fields[0] ?? '', id: Number(fields[2]), gid: Number(fields[3]), home: fields[5] ?? '/' }
  })
}

/** `-u` as given (name, uid, name:group, uid:gid) → the user, or null when a name is not in the image's files. */
export function resolveUser(fs: FileSystem, spec: string | null | undefined): ResolvedUser | null {
  const [who = '', groupPart] = (spec || 'root').split(':')
  const passwd = table(fs, '/etc/passwd')
  const groups = table(fs, '/etc/group')
  const numeric = /^\d+$/.test(who)
  const entry = passwd.find(e => numeric ? e.id === Number(who) : e.name === who)
  if (!entry && !numeric)
    return null
  let gid = entry?.gid ?? 0
  if (groupPart !== undefined && groupPart !== '') {
    const byName = groups.find(g => /^\d+$/.test(groupPart) ? g.id === Number(groupPart) : g.name === groupPart)
    if (!byName && !/^\d+$/.test(groupPart))
      return null
    gid = byName?.id ?? Number(groupPart)
  }
  return {
    name: entry?.name ?? null,
    uid: entry?.id ?? Number(who),
    gid,
    group: groups.find(g => g.id === gid)?.name ?? null,
    home: entry?.home ?? '/',
  }
}

/** Whether `-u` names root (uid 0): the shell prompts `#` for root, `$` for anyone else. */
export function isRootUser(spec: string | null | undefined): boolean {
  const who = (spec || 'root').split(':')[0]
  return who === 'root' || who === '0' || who === ''
}

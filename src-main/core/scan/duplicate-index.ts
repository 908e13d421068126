/**
 * Byte-identical files, found by their sha256. In each group the member found first in walk
 * order is the original; every other member points at it. Probes finish out of order, so an
 * earlier file may arrive after a later twin: then the group is re-pointed, and the caller
 * gets every change to apply.
 */
export interface DuplicateChange {
  id: string
  /** The original's id, or undefined for the original itself. */
  duplicateOf: string | undefined
}

interface Member {
  id: string
  order: number
}

interface Group {
  original: Member
  twins: Member[]
}

export class DuplicateIndex {
  private readonly groups = new Map<string, Group>()

  /**
   * Records a file; `isAlive` lets a caller drop members whose rows were removed since.
   * Returns the changes to apply (empty when the file has no twin so far).
   */
  add(sha256: string, id: string, order: number, isAlive: (id: string) => boolean = () => true): DuplicateChange[] {
    const member = { id, order }
    const group = this.groups.get(sha256)
    if (!group) {
      this.groups.set(sha256, { original: member, twins: [] })
      return []
    }
    const members = [group.original, ...group.twins, member].filter((m) => m === member || isAlive(m.id))
    members.sort((a, b) => a.order - b.order)
    const [original, ...twins] = members as [Member, ...Member[]]
    const changes: DuplicateChange[] = []
    if (original.id !== group.original.id) {
      if (original !== member) changes.push({ id: original.id, duplicateOf: undefined })
      for (const twin of twins) if (twin !== member) changes.push({ id: twin.id, duplicateOf: original.id })
    }
    if (member !== original) changes.push({ id: member.id, duplicateOf: original.id })
    this.groups.set(sha256, { original, twins })
    return changes
  }

  clear(): void {
    this.groups.clear()
  }
}

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listFolders } from './folder-listing'

describe('listFolders (the browser folder chooser)', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mi-folders-'))
    for (const name of ['Shoot 10', 'Shoot 9', '.ssh', 'a']) await mkdir(join(root, name))
    await writeFile(join(root, 'photo.jpg'), 'x')
    await symlink(join(root, 'a'), join(root, 'link-to-a'))
    await symlink(join(root, 'photo.jpg'), join(root, 'link-to-file'))
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('answers subfolders only, hidden ones left out, in natural order, links to folders included', async () => {
    const listing = await listFolders(root)
    expect(listing.path).toBe(root)
    expect(listing.folders.map((f) => f.name)).toEqual(['a', 'link-to-a', 'Shoot 9', 'Shoot 10'])
    expect(listing.folders[0]!.path).toBe(join(root, 'a'))
    expect(listing.truncated).toBe(false)
  })

  it('starts at the home folder and names the parent (null at the top)', async () => {
    expect((await listFolders(undefined, root)).path).toBe(root)
    expect((await listFolders(join(root, 'a'))).parent).toBe(root)
    expect((await listFolders('/')).parent).toBeNull()
  })

  it('says in a sentence when the folder is missing or a file', async () => {
    await expect(listFolders(join(root, 'gone'))).rejects.toMatchObject({ code: 'folder-not-found' })
    await expect(listFolders(join(root, 'photo.jpg'))).rejects.toMatchObject({ code: 'not-a-folder' })
  })
})

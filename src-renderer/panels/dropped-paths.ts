/**
 * Turns a drop into absolute paths. A dropped folder arrives as one File named like the folder;
 * the bridge resolves it (Electron's webUtils). Items that are not files on this computer
 * (text, links dragged from a browser) resolve to '' and are counted so the editor is told.
 */
export interface DroppedPaths {
  paths: string[]
  notFiles: string[]
}

export function droppedPaths(files: ArrayLike<File>, pathForFile: (file: File) => string): DroppedPaths {
  const paths: string[] = []
  const notFiles: string[] = []
  for (const file of Array.from(files)) {
    const path = pathForFile(file)
    if (path) paths.push(path)
    else notFiles.push(file.name || 'unnamed item')
  }
  return { paths: [...new Set(paths)], notFiles }
}

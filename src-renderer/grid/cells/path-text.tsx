/**
 * The path, cut at its start where a narrow column cuts it (beside the preview pane, after a
 * "Duplicate" mark): "…ion night/IMG_1007.png". Rows of one shoot share the folder; the file's
 * own name is what tells them apart. The cell draws right to left (cells.css) around the path
 * kept left to right, so the ellipsis falls at the start; the text and the cell's accessible
 * name stay exactly the path (one inline element: no space is added inside the name).
 */
export function pathText(relativePath: string) {
  return (
    <span className="path-text">
      <span dir="ltr">{relativePath}</span>
    </span>
  )
}

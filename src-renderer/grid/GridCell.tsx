/**
 * One cell: its value as text, or the editor that fits its plugin while it is being edited. A
 * cell with a problem is marked (and `aria-invalid`); its messages show on hover, and under the
 * cell while it is the active one, where a screen reader reads them as its description.
 */
import { Fragment, isValidElement, memo } from 'react'
import { formatCellValue } from '../../src-shared/editing/cell-text'
import type { CellValue, ProjectModel, PropertyModel, Row } from '../../src-main/contract'
import type { EditingCell } from '../store/grid-slice'
import type { PendingCell } from '../store/pending-edits'
import { cellApplies, cellIssues, cellValue, columnText, columnTooltip } from './cell-display'
import type { GridColumn } from './column-model'
import { CellEditor } from './editors/CellEditor'
import { UploadRetryCell } from './cells/UploadRetryCell'
import { canRetryUpload } from './cells/upload-retry'
import { MediaIdLink } from './cells/MediaIdLink'
import { RowChoices } from './cells/RowChoices'
import { hasRowChoices } from './cells/row-choices'
import type { Move } from './editors/editor-props'
import { FallbackValue } from './cells/FallbackValue'
import { FILE_NAME_STATUS, readyWithFileNameTitle } from '../store/file-name-titles'
import { pathCell } from './cells/PathCell'
import { LocaleAssetCell } from './cells/LocaleAssetCell'
import { PreviewCell } from './cells/PreviewCell'
import { isFallbackValue, isShortenedValue, prefillNote, shortenedNote } from './cells/probe-notes'

export interface GridCellProps {
  column: GridColumn
  row: Row
  project: ProjectModel | null
  colIndex: number
  /** Set on the first cell after a gap of cells out of view; the others follow it in the grid's flow. */
  placed: boolean
  active: boolean
  inRange: boolean
  selected: boolean
  editing: EditingCell | null
  /** A value typed and sent to main, shown until main's patch settles it. */
  pending: PendingCell | undefined
  /** Why main refused the last value typed here (the cell shows main's value). */
  refusal: string | undefined
  onCommit(column: GridColumn, row: Row, value: CellValue, move: Move): void
  onCancel(): void
}

const TELLS_ONLY = new Set<GridColumn['kind']>(['errors', 'status', 'upload'])

export const cellDomId = (rowId: string, columnId: string): string => `cell-${rowId}-${columnId}`

function rowProperty(project: ProjectModel | null, row: Row, column: GridColumn): PropertyModel | undefined {
  if (!column.property) return undefined
  const type = project?.mediaTypes.find((t) => t.handle === row.entry?.mediaType)
  return type?.properties.find((p) => p.handle === column.property?.handle) ?? column.property
}

function display(column: GridColumn, row: Row, selected: boolean, pending: PendingCell | undefined) {
  switch (column.kind) {
    case 'select':
      return (
        <input type="checkbox" tabIndex={-1} checked={selected} readOnly aria-label={`Select ${row.relativePath}`} />
      )
    case 'status':
      // Rows with a way out (link, import as file) show it; a ready row whose title is its file
      // name says so (a warning, it still goes); the rest keep plain text.
      if (hasRowChoices(row)) return <RowChoices row={row} column={column} />
      return readyWithFileNameTitle(row) ? (
        <FallbackValue text={columnText(column, row)} label="check the title" description={FILE_NAME_STATUS} warn />
      ) : (
        columnText(column, row)
      )
    case 'mediaId':
      return row.result ? <MediaIdLink mediaId={row.result.mediaId} /> : ''
    case 'upload':
      // A failed or cancelled upload offers Retry with its reason; the rest keep plain text.
      return canRetryUpload(row) ? <UploadRetryCell row={row} /> : columnText(column, row)
    case 'localeAsset':
      return <LocaleAssetCell row={row} locale={column.locale ?? ''} />
    case 'thumbnail':
      return <PreviewCell row={row} />
    case 'path':
      return pathCell(row)
    default: {
      const value = pending ? pending.value : cellValue(column, row)
      const text =
        typeof value === 'boolean'
          ? value
            ? 'Yes'
            : 'No'
          : column.field
            ? formatCellValue(value)
            : columnText(column, row)
      if (column.kind === 'property' && isFallbackValue(row, column.property?.handle, value))
        return <FallbackValue text={text} />
      // A prefilled value cut to the property's maxLength is marked; its tooltip says from what length.
      if ((column.kind === 'property' || column.kind === 'translation') && isShortenedValue(row, column.field, value))
        return (
          <FallbackValue
            text={text}
            label="shortened"
            description={
              shortenedNote(row, column.field, value) ?? prefillNote(row, column.field, value) ?? 'Shortened to fit.'
            }
          />
        )
      // Plain text straight in the cell: one element less per cell, hundreds less per scrolled frame.
      return text
    }
  }
}

/**
 * Cells are reused for other rows as the grid scrolls (row-slots.ts): text and plain elements are
 * updated in place; a component (it may keep state, or show an image still loading) starts afresh
 * per row, so nothing of one file shows on another.
 */
const content = (node: ReturnType<typeof display>, rowId: string) =>
  isValidElement(node) && typeof node.type !== 'string' ? <Fragment key={rowId}>{node}</Fragment> : node

export const GridCell = memo(function GridCell(props: GridCellProps) {
  const { column, row, project, colIndex, active, inRange, selected, editing, pending, refusal } = props
  const applies = cellApplies(column, row, project)
  const found = cellIssues(column, row)
  const issues = refusal ? [...found, { field: column.field ?? '', message: `Not changed: ${refusal}` }] : found
  // An imported row's metadata can still be corrected (sent by PATCH); nothing else of it.
  const imported = row.status === 'imported'
  const readOnly = !column.field || (imported && !column.field.startsWith('metadata.'))
  const id = cellDomId(row.rowId, column.id)
  const messageId = `${id}-message`
  const showMessage = active && issues.length > 0 && !editing
  const classes = ['grid-cell']
  if (active) classes.push('active')
  if (inRange) classes.push('in-range')
  // A value is invalid where it is typed; the Errors, Status and Upload cells only tell (their message still shows).
  const invalid = issues.length > 0 && !TELLS_ONLY.has(column.kind)
  if (invalid) classes.push('has-issue')
  if (!applies) classes.push('not-applicable')
  else if (readOnly && column.field) classes.push('read-only')
  if (editing) classes.push('editing')
  if (pending) classes.push('pending')
  const messages = issues.map((i) => i.message).join('\n')
  // Where a prefilled value came from (only while the cell still holds it).
  const origin =
    column.kind === 'property' && !pending ? prefillNote(row, column.field, cellValue(column, row)) : undefined
  return (
    <div
      role="gridcell"
      id={id}
      className={classes.join(' ')}
      data-column={column.id}
      aria-colindex={colIndex + 1}
      aria-selected={active || inRange}
      aria-invalid={invalid ? true : undefined}
      aria-readonly={readOnly || !applies ? true : undefined}
      aria-describedby={showMessage ? messageId : undefined}
      aria-busy={pending ? true : undefined}
      data-pending={pending ? '' : undefined}
      title={
        messages ||
        (!applies
          ? `Not applicable: this file's media type has no ${column.label}.`
          : (columnTooltip(column, row) ?? origin))
      }
      // Cells out of view sideways are not rendered: the first after a gap says where it goes.
      style={props.placed ? { gridColumnStart: colIndex + 1 } : undefined}
    >
      {editing ? (
        <CellEditor
          column={column}
          label={`${column.label} of ${row.relativePath}`}
          value={pending ? pending.value : cellValue(column, row)}
          property={rowProperty(project, row, column)}
          {...(row.kind ? { kind: row.kind } : {})}
          {...(editing.initial !== undefined ? { initial: editing.initial } : {})}
          onCommit={(value, move) => props.onCommit(column, row, value, move)}
          onCancel={props.onCancel}
        />
      ) : applies ? (
        content(display(column, row, selected, pending), row.rowId)
      ) : (
        // A dash to the eye; to a screen reader, what it means.
        <>
          <span aria-hidden="true">—</span>
          <span className="sr-only">Not applicable</span>
        </>
      )}
      {showMessage && (
        <div className="cell-message" id={messageId} role="tooltip">
          {messages}
        </div>
      )}
    </div>
  )
})

export { rowProperty }

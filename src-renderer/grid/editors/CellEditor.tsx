/** The editor that fits the cell's plugin (ARCHITECTURE.md, "Metadata and the grid's columns"): text, multiline, number, date, list of values, tags, media type. */
import type { GridColumn } from '../column-model'
import { useAppStore } from '../../store/app-store'
import { ChoiceEditor } from './ChoiceEditor'
import type { EditorProps } from './editor-props'
import { TagsEditor } from './TagsEditor'
import { TextEditor } from './TextEditor'

export function CellEditor(props: EditorProps & { column: GridColumn; kind?: string }) {
  const project = useAppStore((s) => s.project)
  const { column, property } = props
  if (column.kind === 'mediaType') {
    const types = project?.mediaTypes ?? []
    const choices = types.filter((t) => !props.kind || t.kind === 'file' || t.kind === props.kind)
    return (
      <ChoiceEditor {...props} choices={choices.map((t) => ({ value: t.handle, label: `${t.label} (${t.handle})` }))} />
    )
  }
  switch (property?.plugin) {
    case 'li-enum':
      return (
        <ChoiceEditor
          {...props}
          choices={(property.allowedValues ?? []).map((v) => ({ value: String(v), label: String(v) }))}
        />
      )
    case 'li-string-list':
      return <TagsEditor {...props} />
    default:
      return <TextEditor {...props} />
  }
}

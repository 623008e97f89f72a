import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import {
  type CommentedPassage,
  CommentMarks,
  commentMarkThread,
  setCommentedPassages,
} from '../comments/comment-marks'
import { useI18n } from '../i18n/i18n-context'
import { readableTextColor } from '../identity/readable-text-color'
import { AmendmentMarks, type MarkedPassage, setMarkedPassages } from './amendment-marks'
import { type CaretUser, manifestoExtensions } from './manifesto-extensions'
import { type SelectedPassage, selectedPassage } from './selected-passage'

export type { CaretUser } from './manifesto-extensions'

/** The caret of someone else: their organisation's colour, with name and organisation. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#475569'
  const caret = document.createElement('span')
  caret.className = 'manifesto-caret'
  caret.style.borderColor = color
  const label = document.createElement('span')
  label.className = 'manifesto-caret-label'
  label.style.backgroundColor = color
  label.style.color = readableTextColor(color)
  const organisation = typeof user.organisation === 'string' ? ` · ${user.organisation}` : ''
  label.textContent = `${String(user.name ?? '')}${organisation}`
  caret.append(label)
  return caret
}

/** The editable area as assistive technology should announce it. */
function proseAttributes(label: string, editable: boolean): Record<string, string> {
  return {
    class: 'manifesto-prose',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': String(!editable),
  }
}

/**
 * The shared manifesto text: TipTap bound to the board doc's manifesto fragment. Only marks
 * and nodes that the Markdown (and so the signed text) can express are switched on, so what
 * people see is what they sign.
 */
export function ManifestoEditor({
  fragment,
  awareness,
  user,
  editable,
  onPassage,
  marked,
  commented,
  onOpenComment,
}: {
  fragment: Y.XmlFragment
  awareness: Awareness
  user: CaretUser
  editable: boolean
  /** Told the passage an amendment could replace whenever the selection changes. */
  onPassage?: (passage: SelectedPassage | null) => void
  /** Passages of open amendments, marked in the text. */
  marked?: MarkedPassage[]
  /** Passages with open comment threads, marked in the text. */
  commented?: CommentedPassage[]
  /** A click on a commented passage opens its thread. */
  onOpenComment?: (threadId: string) => void
}) {
  const { t } = useI18n()
  const editor = useEditor(
    {
      extensions: [
        ...manifestoExtensions({ fragment, awareness, user, renderCaret }),
        // Marks open amendments and comment threads in the view only; nothing of it reaches
        // the shared text.
        AmendmentMarks,
        CommentMarks,
      ],
      editable,
      editorProps: { attributes: proseAttributes(t('manifesto.editorLabel'), editable) },
    },
    [fragment, awareness],
  )

  // Whether the caret was in the text when it froze: unfreezing puts it back, so whoever was
  // typing goes on without having to click first.
  const focusedWhenFrozen = useRef(false)
  useEffect(() => {
    if (!editable && editor.isEditable) focusedWhenFrozen.current = editor.isFocused
    editor.setEditable(editable)
    editor.setOptions({
      editorProps: { attributes: proseAttributes(t('manifesto.editorLabel'), editable) },
    })
    if (editable && focusedWhenFrozen.current) {
      focusedWhenFrozen.current = false
      editor.commands.focus()
    }
  }, [editor, editable, t])

  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.updateUser(user)
  }, [editor, user])

  useEffect(() => {
    if (!editor.isDestroyed) setMarkedPassages(editor.view, marked ?? [])
  }, [editor, marked])

  useEffect(() => {
    if (!editor.isDestroyed) setCommentedPassages(editor.view, commented ?? [])
  }, [editor, commented])

  // A click, not a key: a mark is no control of its own; keyboard users reach the same threads
  // in the Opmerkingen overview.
  useEffect(() => {
    if (!onOpenComment || editor.isDestroyed) return
    const dom = editor.view.dom
    const onClick = (event: MouseEvent) => {
      const threadId = commentMarkThread(event.target)
      if (threadId) onOpenComment(threadId)
    }
    dom.addEventListener('click', onClick)
    return () => dom.removeEventListener('click', onClick)
  }, [editor, onOpenComment])

  useEffect(() => {
    if (!onPassage) return
    const report = () => onPassage(selectedPassage(editor.state))
    editor.on('selectionUpdate', report)
    editor.on('update', report)
    return () => {
      editor.off('selectionUpdate', report)
      editor.off('update', report)
    }
  }, [editor, onPassage])

  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      heading: current.isActive('heading'),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      list: current.isActive('bulletList'),
    }),
  })

  const tools = [
    {
      key: 'heading',
      label: t('manifesto.format.heading'),
      pressed: active.heading,
      run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: 'bold',
      label: t('manifesto.format.bold'),
      pressed: active.bold,
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      key: 'italic',
      label: t('manifesto.format.italic'),
      pressed: active.italic,
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      key: 'list',
      label: t('manifesto.format.list'),
      pressed: active.list,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
  ] as const

  return (
    <div className="manifesto-editor">
      {editable ? (
        <div className="manifesto-toolbar" role="toolbar" aria-label={t('manifesto.toolbar')}>
          {tools.map((tool) => (
            <button
              key={tool.key}
              type="button"
              className={`manifesto-tool manifesto-tool-${tool.key}`}
              aria-pressed={tool.pressed}
              // Keep the text selection: a mouse press on the button would otherwise blur it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={tool.run}
            >
              {tool.label}
            </button>
          ))}
        </div>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  )
}

// Bench only: the least a collaborative field can be — a bare ProseMirror view bound to the same Yjs
// fragment through y-prosemirror, over the same y-websocket provider and server as the document page. Its
// figures are the floor the document page is compared against (`npm run bench -- --client`).
import { Schema } from 'prosemirror-model'
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { ySyncPlugin } from 'y-prosemirror'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*', toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    text: { group: 'inline' },
  },
})

const params = new URLSearchParams(location.search)
const doc = new Y.Doc()
const provider = new WebsocketProvider(params.get('ws')!, params.get('doc')!, doc, {
  params: { token: params.get('token')! },
})
const fragment = doc.getXmlFragment(params.get('field')!)
provider.once('sync', () => {
  const view = new EditorView(document.getElementById('editor')!, {
    state: EditorState.create({ schema, plugins: [ySyncPlugin(fragment)] }),
  })
  view.dom.setAttribute('data-floor', 'true')
})

import { createTLStore, defaultShapeUtils, defaultBindingUtils, createShapeId } from 'tldraw'
const t0 = performance.now()
const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
console.log('create ms', performance.now() - t0)
console.log([...store.scopedTypes.document], [...store.scopedTypes.presence])
console.log(store.allRecords().map(r => r.id))
console.log(JSON.stringify(store.schema.serialize()).length)
console.log(Object.keys(store.schema.types))

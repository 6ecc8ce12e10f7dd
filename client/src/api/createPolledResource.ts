import { createResource, onCleanup, type ResourceReturn } from 'solid-js'

/**
 * A resource fetched again every `everyMs` while its component lives: other partners write, approve and save
 * from their own devices, and panels that summarise the document should follow without a reload.
 */
export const createPolledResource = <T>(fetcher: () => Promise<T>, everyMs: number): ResourceReturn<T> => {
  const resource = createResource(fetcher)
  const timer = setInterval(() => void resource[1].refetch(), everyMs)
  onCleanup(() => clearInterval(timer))
  return resource
}

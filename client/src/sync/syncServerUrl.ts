/** The sync endpoint of the server the page came from; a document's socket is at `${syncServerUrl()}/${id}`. */
export const syncServerUrl = (): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`

import { useCallback, useEffect, useState } from 'react'
import { AccessibilityStatement } from './about/accessibility-statement'
import { boardToken } from './api/stored-links'
import { BoardPage } from './board-shell/board-page'
import { useI18n } from './i18n/i18n-context'
import { MessagePage } from './layout/message-page'
import { moveTokenOutOfAddress } from './routing/move-token-out-of-address'
import { parseRoute, tokenFromHash } from './routing/parse-route'
import { StartPage } from './start/start-page'

/** The page's path; a board link's token is moved into storage before anything renders. */
function currentLocation() {
  const route = parseRoute(window.location.pathname)
  if (route.kind === 'board') moveTokenOutOfAddress(route.boardId)
  return { pathname: window.location.pathname, hash: window.location.hash }
}

export function App() {
  const { t, locale } = useI18n()
  const [location, setLocation] = useState(currentLocation)

  useEffect(() => {
    const onPop = () => setLocation(currentLocation())
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  const navigate = useCallback((path: string) => {
    window.history.pushState(null, '', path)
    setLocation(currentLocation())
    // A new page starts at its top, as a full page load would.
    window.scrollTo(0, 0)
  }, [])

  const route = parseRoute(location.pathname)
  switch (route.kind) {
    case 'start':
      return <StartPage navigate={navigate} />
    case 'accessibility':
      return <AccessibilityStatement navigate={navigate} />
    case 'board':
      return (
        <BoardPage
          key={route.boardId}
          boardId={route.boardId}
          // The hash keeps the token only where storage is refused.
          token={boardToken(route.boardId) ?? tokenFromHash(location.hash)}
        />
      )
    case 'invalidBoard':
      return <MessagePage message={t('board.invalidId')} navigate={navigate} />
    case 'notFound':
      return <MessagePage message={t('notFound.title')} navigate={navigate} />
  }
}

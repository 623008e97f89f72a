import type { ReactionKind } from '@stip/board/doc-model'

/*
 * Drawn, not emoji: emoji fonts differ per machine (and some have none), and these must read
 * the same on every partner's laptop and phone. Each shape says its meaning without colour.
 */
const paths: Record<ReactionKind, React.ReactNode> = {
  eens: <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" strokeWidth="2.6" />,
  idee: (
    <>
      <path d="M12 3a6 6 0 0 0-3.6 10.8V16h7.2v-2.2A6 6 0 0 0 12 3z" strokeWidth="2" />
      <path d="M9.5 19h5M10.5 21.5h3" fill="none" strokeWidth="2" />
    </>
  ),
  vraag: (
    <>
      <path d="M8.8 9a3.2 3.2 0 1 1 4.5 2.9c-.8.4-1.3 1-1.3 1.9v.9" fill="none" strokeWidth="2.4" />
      <circle cx="12" cy="18.6" r="1.5" stroke="none" />
    </>
  ),
  belangrijk: (
    <path
      d="M12 3.5l2.6 5.3 5.8.8-4.2 4.1 1 5.8L12 16.8l-5.2 2.7 1-5.8-4.2-4.1 5.8-.8z"
      strokeWidth="1.5"
      strokeLinejoin="round"
    />
  ),
}

export function ReactionIcon({ kind }: { kind: ReactionKind }) {
  return (
    <svg
      className={`reaction-icon reaction-icon-${kind}`}
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      stroke="currentColor"
      fill="currentColor"
      strokeLinecap="round"
    >
      {paths[kind]}
    </svg>
  )
}

/** The "add a reaction" face with a plus. */
export function AddReactionIcon() {
  return (
    <svg
      className="reaction-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      stroke="currentColor"
      fill="none"
      strokeWidth="2"
      strokeLinecap="round"
    >
      <circle cx="10.5" cy="13" r="7.5" />
      <path d="M7.8 15.2c1.5 1.6 4 1.6 5.5 0" />
      <circle cx="8" cy="11" r="0.9" fill="currentColor" stroke="none" />
      <circle cx="13" cy="11" r="0.9" fill="currentColor" stroke="none" />
      <path d="M19.5 2.5v6M16.5 5.5h6" />
    </svg>
  )
}

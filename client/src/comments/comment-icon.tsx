/** A speech bubble, drawn (not an emoji) so it reads the same on every machine. */
export function CommentIcon({ plus = false }: { plus?: boolean }) {
  return (
    <svg
      className="comment-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
    >
      <path d="M4 5h16v11H10l-4.5 3.5V16H4z" />
      {plus ? <path d="M12 7.5v6M9 10.5h6" strokeLinecap="round" /> : null}
    </svg>
  )
}

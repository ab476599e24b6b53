/**
 * A program or library we call (Pagefind's binary, sharp) failed in a way
 * that is not the content's fault: the message says in words which tool,
 * doing what, and what it said; the original error is its `cause`.
 */
export class ToolFailure extends Error {
  override readonly name = "ToolFailure";
}

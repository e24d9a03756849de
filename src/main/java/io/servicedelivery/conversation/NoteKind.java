package io.servicedelivery.conversation;

/** What a note on a request is (table {@code request_note}, column {@code kind}). */
public enum NoteKind {
  /** a comment the customer sees, written by the staff or by the customer */
  COMMENT,
  /** an internal note of the staff */
  WORK_NOTE,
  /** a staff member's progress report, one per round of work on the request */
  WORK_LOG,
  /** what the staff asked the customer while the request waits for them */
  QUESTION,
  /** the customer's answer to a question */
  ANSWER
}

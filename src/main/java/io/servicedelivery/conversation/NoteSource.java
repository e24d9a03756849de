package io.servicedelivery.conversation;

/** Where a note or an attachment came from. */
public enum NoteSource {
  API,
  TASKLIST,
  EMAIL,
  /** written by a step of the request's process */
  PROCESS
}

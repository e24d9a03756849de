package io.servicedelivery.records;

import io.servicedelivery.conversation.Note;
import io.servicedelivery.conversation.NoteKind;
import io.servicedelivery.conversation.NoteSource;
import io.servicedelivery.conversation.Visibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Service;

/**
 * The comments the staff add to a request's tasks in Tasklist (its "Comment" button), which the engine keeps with the
 * request's process instance: they read as internal work notes from Tasklist, with the id 0 (they are not the
 * application's notes and are not kept in {@code request_note}). The engine deletes them with the request's history
 * ({@code historyTimeToLive} of the diagram); the notes of {@code request_note} stay.
 */
@Service
public class TasklistComments {

  private static final String UNKNOWN_AUTHOR = "unknown";

  private final TaskService taskService;

  public TasklistComments(TaskService taskService) {
    this.taskService = taskService;
  }

  /** The Tasklist comments on the tasks of the request's own process instance, oldest first. */
  public List<Note> of(String requestId, String processInstanceId) {
    if (processInstanceId == null) {
      return List.of();
    }
    return taskService.getProcessInstanceComments(processInstanceId).stream()
        .map(comment -> note(requestId, comment))
        .sorted(Comparator.comparing(Note::createdAt))
        .toList();
  }

  /** The application's notes and the Tasklist comments of the request, oldest first (a tie keeps the notes first). */
  public List<Note> withNotes(List<Note> notes, String requestId, String processInstanceId) {
    List<Note> all = new ArrayList<>(notes);
    all.addAll(of(requestId, processInstanceId));
    all.sort(Comparator.comparing(Note::createdAt));
    return List.copyOf(all);
  }

  private static Note note(String requestId, Comment comment) {
    return new Note(
        0,
        requestId,
        NoteKind.WORK_NOTE,
        Visibility.INTERNAL,
        NoteSource.TASKLIST,
        comment.getUserId() == null ? UNKNOWN_AUTHOR : comment.getUserId(),
        comment.getFullMessage(),
        comment.getTime().toInstant());
  }
}

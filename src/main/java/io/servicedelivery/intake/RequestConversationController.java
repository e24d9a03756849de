package io.servicedelivery.intake;

import io.servicedelivery.conversation.Attachment;
import io.servicedelivery.conversation.AttachmentContent;
import io.servicedelivery.conversation.AttachmentRejectedException;
import io.servicedelivery.conversation.Note;
import io.servicedelivery.records.Viewer;
import io.servicedelivery.web.ApiExceptionHandler;
import io.servicedelivery.web.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The conversation about a request: comments, internal work notes and attachments. The customer's systems (API
 * clients) read and write what the customer sees; the staff who may see the request read everything and write
 * comments for the customer or internal work notes. A request the caller may not see answers 404, as an unknown one.
 */
@RestController
@RequestMapping("/api/service-requests/{requestId}")
@Tag(name = "Service requests")
@ApiResponse(responseCode = "401", description = "not authenticated")
class RequestConversationController {

  private final RequestConversations conversations;

  RequestConversationController(RequestConversations conversations) {
    this.conversations = conversations;
  }

  @PostMapping("/comments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Comment on a request",
      description =
          "A customer's system writes a comment the customer and the staff read; the assigned person and the service"
              + " coordinators are told by mail. The staff write a comment the customer reads (the requester is told"
              + " by mail) or, with internal true, a work note only the staff read.")
  @ApiResponse(responseCode = "201", description = "the comment or work note as stored")
  @ApiResponse(
      responseCode = "400",
      description = "no text, a text longer than 10000 characters, or internal true from a customer's system")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  Note comment(@PathVariable String requestId, @Valid @RequestBody NewComment comment, Authentication caller) {
    return conversations.comment(Viewer.of(caller), requestId, comment);
  }

  @GetMapping("/comments")
  @Operation(
      summary = "Read the conversation about a request",
      description =
          "Oldest first. A customer's system reads the comments, questions and answers meant for the customer; the"
              + " staff read everything: also work notes and the work log (each progress report of Execute service"
              + " activities).")
  @ApiResponse(responseCode = "200", description = "the notes")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  List<Note> comments(@PathVariable String requestId, Authentication caller) {
    return conversations.comments(Viewer.of(caller), requestId);
  }

  @PostMapping("/attachments")
  @Operation(
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                      schema = @Schema(implementation = FileUpload.class))),
      summary = "Attach a file to a request",
      description =
          "multipart/form-data with the file in the part file. Up to the configured size (10 MB by default) and of"
              + " an allowed type (PDF, PNG, JPEG, GIF, text, CSV, Office and OpenDocument documents, ZIP, e-mail);"
              + " the declared type, the file name's extension and the content must agree. Staff may attach an"
              + " internal file with internal=true.")
  @ApiResponse(responseCode = "201", description = "the attachment, without its content; Location names it")
  @ApiResponse(responseCode = "400", description = "no file, an empty file, or internal true from a customer's system")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  @ApiResponse(responseCode = "413", description = "the file is too large")
  @ApiResponse(responseCode = "415", description = "the file's type is not allowed, or its type, name and content disagree")
  ResponseEntity<AttachmentView> attach(
      @PathVariable String requestId,
      // before the file: a wrong value is named as such, also without a file
      @Parameter(description = "staff only: a file only the staff see")
          @RequestParam(name = "internal", defaultValue = "false")
          boolean internal,
      @RequestPart("file") MultipartFile file,
      Authentication caller) {
    Attachment attachment =
        conversations.attach(
            Viewer.of(caller), requestId, file.getOriginalFilename(), file.getContentType(), bytesOf(file), internal);
    AttachmentView view = AttachmentView.of(attachment);
    return ResponseEntity.created(URI.create(view.download())).body(view);
  }

  @GetMapping("/attachments")
  @Operation(
      summary = "List the files attached to a request",
      description = "Without their content. A customer's system lists the files the customer may see.")
  @ApiResponse(responseCode = "200", description = "the files, oldest first")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  List<AttachmentView> attachments(@PathVariable String requestId, Authentication caller) {
    return conversations.attachments(Viewer.of(caller), requestId).stream().map(AttachmentView::of).toList();
  }

  @GetMapping("/attachments/{attachmentId}")
  @Operation(summary = "Download a file attached to a request", description = "With its content type, as a download.")
  @ApiResponse(responseCode = "200", description = "the file's content")
  @ApiResponse(
      responseCode = "404",
      description = "no such request or file, or not one the caller may see (an internal file for a customer's system)")
  ResponseEntity<byte[]> download(
      @PathVariable String requestId, @PathVariable long attachmentId, Authentication caller) {
    AttachmentContent file = conversations.download(Viewer.of(caller), requestId, attachmentId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.attachment().contentType()))
        .contentLength(file.content().length)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.attachment().fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(file.content());
  }

  /** A file beyond Spring's multipart limit, which is a little above the attachments' own. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
    String limit = conversations.maxAttachmentSize();
    return fileProblem(
        HttpStatus.PAYLOAD_TOO_LARGE, "Attachment too large",
        "The file is larger than an attachment may be: at most " + limit + ".", "must be at most " + limit);
  }

  @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
  ResponseEntity<ProblemDetail> noFile(Exception ex) {
    return fileProblem(
        HttpStatus.BAD_REQUEST, "Invalid request", "The request has an invalid value: file is missing.",
        "is missing: send the file as the part file of multipart/form-data");
  }

  /** The multipart body of an upload, for the OpenAPI description only. */
  @Schema(name = "FileUpload")
  record FileUpload(@Schema(type = "string", format = "binary", description = "the file") String file) {}

  private static ResponseEntity<ProblemDetail> fileProblem(
      HttpStatus status, String title, String detail, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setProperty(
        ApiExceptionHandler.ERRORS, List.of(new InvalidField(AttachmentRejectedException.FIELD, message)));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static byte[] bytesOf(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the uploaded file", e);
    }
  }
}

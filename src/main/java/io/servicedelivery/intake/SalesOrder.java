package io.servicedelivery.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An order of the sales-order system; each line whose SKU is a catalog service becomes a request. */
public record SalesOrder(
    @Schema(example = "SO-100234")
        @NotBlank
        @Size(max = 50)
        @Pattern(regexp = "\\p{Graph}+", message = "must be printable characters without spaces")
        String orderNumber,
    @NotNull @Valid Customer customer,
    @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

  public record Customer(
      @NotBlank @Size(max = 64) String id,
      @NotBlank @Size(max = 120) String name,
      @NotBlank @Email @Size(max = 254) String email,
      @Schema(example = "Europe/Berlin", description = "the customer's IANA time zone, for the times in the mails")
          @KnownTimeZone
          String timeZone) {}

  public record Line(
      @NotNull @Min(1) @Max(9999) Integer lineNumber,
      @Schema(example = "LAPTOP-STD-14") @NotBlank @Size(max = 100) String sku,
      @NotNull @Min(1) @Max(1000) Integer quantity) {}

  @JsonIgnore
  @AssertTrue(message = "line numbers must be unique")
  public boolean isLineNumbersUnique() {
    return lines == null || lines.stream().map(line -> line == null ? null : line.lineNumber()).distinct().count()
        == lines.size();
  }
}

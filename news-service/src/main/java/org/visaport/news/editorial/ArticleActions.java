package org.visaport.news.editorial;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Bodies of the editorial actions; each names the version it acts on, so nobody acts on what they have not seen. */
public final class ArticleActions {

    private ArticleActions() {
    }

    public record Publish(@NotNull @PositiveOrZero Long version) {
    }

    public record Schedule(@NotNull @PositiveOrZero Long version, @NotNull Instant publishAt) {
    }

    public record Retract(@NotNull @PositiveOrZero Long version, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Correct(@NotNull @PositiveOrZero Long version, @NotBlank @Size(max = 2000) String note) {
    }

    public record Comments(@NotNull @PositiveOrZero Long version, @NotNull Boolean enabled) {
    }
}

package org.visaport.news.editorial;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.visaport.news.article.ArticleContent;
import org.visaport.news.article.Dateline;
import org.visaport.platform.validation.CountryCode;
import org.visaport.platform.validation.LanguageTag;

/**
 * An article as an editor sends it. The limits are the product's: a body of up to {@value #MAX_BODY} characters
 * of Markdown, at most 20 tags, 10 regions and 30 countries.
 *
 * @param version       the version the edit is based on; required when editing, ignored when creating
 * @param translationOf id of the article this one translates; only when creating
 */
public record ArticleRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 600) String lede,
        @NotBlank @Size(max = MAX_BODY) String body,
        @NotNull @Valid DatelineRequest dateline,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be lower-case words joined by hyphens") String> tags,
        @Size(max = 10) List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be lower-case words joined by hyphens") String> regions,
        @Size(max = 30) List<@NotNull @CountryCode String> countries,
        @NotBlank @LanguageTag String language,
        @Size(max = 300) String source,
        @Size(max = 64) String translationOf,
        @PositiveOrZero Long version) {

    public static final int MAX_BODY = 100_000;

    public record DatelineRequest(@NotBlank @Size(max = 120) String place, @NotNull LocalDate date) {
    }

    ArticleContent content() {
        return new ArticleContent(title.strip(), lede.strip(), body, new Dateline(dateline.place().strip(), dateline.date()),
                orEmpty(tags), orEmpty(regions), orEmpty(countries), language, source == null ? null : source.strip());
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}

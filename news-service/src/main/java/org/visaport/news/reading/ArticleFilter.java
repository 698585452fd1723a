package org.visaport.news.reading;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.visaport.platform.validation.CountryCode;
import org.visaport.platform.validation.LanguageTag;

/**
 * Query parameters of the reader list: words to search for (relevance order; newest first without), filters, a page
 * size of at most {@value #MAX_LIMIT}, and the cursor the previous page returned. {@code from}/{@code to} are
 * publication dates (UTC), both inclusive. The controller reads the parameters; this record's rules decide what is
 * valid.
 */
public record ArticleFilter(
        @Size(max = 200) String q,
        @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a tag such as nuclear-arms-control") String tag,
        @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a region such as middle-east") String region,
        @CountryCode String country,
        @LanguageTag String language,
        LocalDate from,
        LocalDate to,
        @Size(max = 200) String cursor,
        @Min(1) @Max(MAX_LIMIT) Integer limit) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    @AssertTrue(message = "from must not be after to")
    public boolean isDateRange() {
        return from == null || to == null || !from.isAfter(to);
    }

    /** The filters a cursor belongs to: a cursor of one filtered list is refused by another. */
    public String scope() {
        return String.join("|", String.valueOf(tag), String.valueOf(region), String.valueOf(country), String.valueOf(language),
                String.valueOf(from), String.valueOf(to));
    }

    public int pageSize() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}

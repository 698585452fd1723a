package org.visaport.comment.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** What moderators send; every size is bounded. */
final class ModerationRequests {

    static final String ID = "[A-Za-z0-9-]{1,64}";

    private ModerationRequests() {
    }

    record DecisionRequest(@NotNull ModerationAction action, @Size(max = 1000) String reason) {
    }

    record BulkDecisionRequest(@NotNull ModerationAction action, @Size(max = 1000) String reason,
                               @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = ID) String> ids) {
    }

    record BulkResult(String id, int status, String state, String problem) {
    }

    record BulkResults(List<BulkResult> results) {
    }

    record SettingsRequest(@NotNull Policy policy, @Min(0) @Max(100) int trustAfter, @NotNull Duration trustWindow,
                           @Min(1) @Max(1000) int reportThreshold, @Min(0) @Max(100) int linkLimit,
                           @NotNull Duration duplicateWindow, @Min(1) @Max(1000) int postsPerWindow,
                           @NotNull Duration postingWindow,
                           @Size(max = 10) List<@Valid @NotNull Window> preModerationWindows) {

        record Window(@NotNull LocalTime from, @NotNull LocalTime to, @NotNull ZoneId zone) {
        }

        SiteSettings settings() {
            for (var field : List.of(new Object[] {"trustWindow", trustWindow}, new Object[] {"duplicateWindow", duplicateWindow},
                    new Object[] {"postingWindow", postingWindow})) {
                Duration duration = (Duration) field[1];
                if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(366)) > 0) {
                    throw org.visaport.platform.problem.Problems.invalidField((String) field[0], "must be between PT1S and P366D");
                }
            }
            if (preModerationWindows != null && preModerationWindows.stream().anyMatch(w -> w.from().equals(w.to()))) {
                throw org.visaport.platform.problem.Problems.invalidField("preModerationWindows", "a window must end at another time than it starts");
            }
            return new SiteSettings(policy, trustAfter, trustWindow, reportThreshold, linkLimit, duplicateWindow, postsPerWindow,
                    postingWindow, preModerationWindows == null ? List.of() : preModerationWindows.stream()
                    .map(w -> new PreModerationWindow(w.from(), w.to(), w.zone())).toList(), List.of(), List.of());
        }
    }

    record WordsRequest(@NotNull @Size(max = 500) List<@NotBlank @Size(max = 60)
            @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} '’.-]*", message = "must be letters, digits, spaces, ' . or -") String> words) {
    }

    record Words(String list, List<String> words) {
    }

    record ArticlePolicyRequest(Policy policy) {
    }

    record WatchRequest(boolean alwaysPreModerate, @Size(max = 1000) String reason) {
    }

    record SuspensionRequest(@NotNull @Future Instant until, @NotBlank @Size(max = 1000) String reason) {
    }
}

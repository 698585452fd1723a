package org.visaport.comment.thread;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.visaport.comment.comment.ReportReason;

final class CommentRequests {

    static final String ID = "[A-Za-z0-9-]{1,64}";
    static final int MAX_TEXT = 5000;

    private CommentRequests() {
    }

    /** Plain text with a little Markdown: emphasis, links, quotes. */
    record NewComment(@NotBlank @Size(max = MAX_TEXT) String text, @Pattern(regexp = ID) String parentId) {
    }

    record Edit(@NotBlank @Size(max = MAX_TEXT) String text) {
    }

    record NewReport(@NotNull ReportReason reason, @Size(max = 500) String note) {
    }

    record ReportReceipt(String commentId, String reason) {
    }
}

package org.visaport.notification.feed;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;

/** The signed-in member's own feed ({@code sub} of the token is the member id); another member's item is a 404. */
@RestController
@RequestMapping("/api/notifications/feed")
@PreAuthorize("isAuthenticated()")
public class FeedController {

    private static final String ID = "[0-9a-f]{32}";

    private final Feed feed;
    private final Cursors cursors;

    FeedController(Feed feed, Cursors cursors) {
        this.feed = feed;
        this.cursors = cursors;
    }

    /** How many unread items the feed holds. */
    public record UnreadCount(long unread) {
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first; archived ones only with archived=true")
    public Page<FeedItemView> feed(@RequestParam(required = false) @Size(max = 200) String cursor,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                   @RequestParam(defaultValue = "false") boolean archived,
                                   JwtAuthenticationToken caller) {
        String memberId = caller.getToken().getSubject();
        String scope = "feed:" + memberId + ":" + archived;
        KeysetPosition after = cursors.afterPosition(scope, cursor);
        List<FeedItem> rows = feed.page(memberId, archived, after, limit);
        return cursors.page(scope, rows, limit, item -> new KeysetPosition(item.createdAt(), item.id()), FeedItemView::of);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread (archived ones do not count)")
    public UnreadCount unreadCount(JwtAuthenticationToken caller) {
        return new UnreadCount(feed.unread(caller.getToken().getSubject()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read")
    public ResponseEntity<Void> read(@PathVariable @Pattern(regexp = ID) String id, JwtAuthenticationToken caller) {
        feed.markRead(caller.getToken().getSubject(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all of the caller's notifications read")
    public ResponseEntity<Void> readAll(JwtAuthenticationToken caller) {
        feed.markAllRead(caller.getToken().getSubject());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive one of the caller's notifications: it leaves the feed and the unread count")
    public ResponseEntity<Void> archive(@PathVariable @Pattern(regexp = ID) String id, JwtAuthenticationToken caller) {
        feed.archive(caller.getToken().getSubject(), id);
        return ResponseEntity.noContent().build();
    }
}

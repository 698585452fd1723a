package org.visaport.notification.feed;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The signed-in member's own feed, live; nobody can open another member's stream. */
@RestController
@PreAuthorize("isAuthenticated()")
public class FeedStreamController {

    private final FeedStreams streams;

    FeedStreamController(FeedStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/api/notifications/stream")
    @Operation(summary = "The caller's new notifications as Server-Sent Events",
            description = "Events: `ready` (the stream is live; its id is the position to resume from), `notification` "
                    + "(a feed item as JSON; its id is its position), `reset` (Last-Event-ID was older than the replay "
                    + "window or not this stream's: re-read the feed and the unread count). Comment lines are "
                    + "heartbeats. Reconnect with Last-Event-ID to get exactly what was missed.")
    public SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                             JwtAuthenticationToken caller, HttpServletResponse response) {
        // Proxies such as nginx buffer responses unless told not to, which would hold events back.
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(caller.getToken().getSubject(), lastEventId);
    }
}

package org.visaport.notification.unsubscribe;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.visaport.notification.subscription.Subscriptions;

/**
 * The unsubscribe link of notification mails, public (the token stands for the member). Opening it changes nothing —
 * mail security scanners open every link they find — and shows a confirmation whose button posts; the POST, also
 * the one-click unsubscribe of RFC 8058 that mail clients send, stops e-mail on that topic.
 */
@RestController
@RequestMapping("/api/notifications/unsubscribe")
public class UnsubscribeController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final UnsubscribeTokens tokens;
    private final Subscriptions subscriptions;

    UnsubscribeController(UnsubscribeTokens tokens, Subscriptions subscriptions) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
    }

    @GetMapping
    @Operation(summary = "Confirmation page for an unsubscribe link; changes nothing")
    public ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
        try {
            UnsubscribeTokens.Request request = tokens.verify(token);
            String action = "/api/notifications/unsubscribe?token=" + token;
            return page(HttpStatus.OK, "Stop these e-mails?",
                    "<p>You will no longer get e-mail about " + escape(request.topic().description()) + ". You will "
                            + "still see them under Notifications in VisaPort, where you can change this again.</p>\n"
                            + "<form method=\"post\" action=\"" + escape(action) + "\">"
                            + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                            + "<button type=\"submit\">Unsubscribe</button></form>");
        } catch (UnsubscribeTokens.Refused refused) {
            return refusal(refused);
        }
    }

    /** Answers with a page rather than 204, as people arrive here from the confirmation too; one-click senders take any 2xx. */
    @PostMapping
    @Operation(summary = "Unsubscribe: one-click (RFC 8058, form body List-Unsubscribe=One-Click) or from the confirmation page")
    public ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
        try {
            UnsubscribeTokens.Request request = tokens.verify(token);
            subscriptions.stopEmail(request.memberId(), request.topic());
            return page(HttpStatus.OK, "You are unsubscribed",
                    "<p>You will no longer get e-mail about " + escape(request.topic().description()) + ". You can "
                            + "switch it on again under Notifications in VisaPort.</p>");
        } catch (UnsubscribeTokens.Refused refused) {
            return refusal(refused);
        }
    }

    private static ResponseEntity<String> refusal(UnsubscribeTokens.Refused refused) {
        return refused.expired()
                ? page(HttpStatus.GONE, "This link has expired",
                "<p>Unsubscribe links work for a limited time. Change your e-mail settings under Notifications in VisaPort.</p>")
                : page(HttpStatus.BAD_REQUEST, "This link is not valid",
                "<p>The link may have been cut short when it was copied. Change your e-mail settings under Notifications in VisaPort.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + " – VisaPort</title></head>\n<body style=\"font-family: sans-serif; max-width: 36em; margin: 2em auto;\">\n<h1>"
                + escape(title) + "</h1>\n" + body + "\n</body></html>\n";
        return ResponseEntity.status(status).contentType(HTML)
                // Nothing on the page loads anything; the token stays out of Referer headers.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

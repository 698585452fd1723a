package org.visaport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.visaport.deploy.Demo;
import tools.jackson.databind.JsonNode;

/**
 * The web client in a real browser (Debian's headless Chromium), against the whole local stack: what a diplomat, a
 * moderator and a reader without an account do and see, page by page, each page also held to WCAG 2.2 AA by axe-core.
 * Screenshots of the main pages land in {@code e2e/target/screenshots}.
 */
@ExtendWith(RunningStack.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserStoryIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    /** A word only the members-only text holds: it must show nowhere a non-member can look. */
    private static final String SECRET = "quillwort" + SUFFIX;

    private static String base;
    private static Demo demo;
    private static JsonNode briefing;
    private static final List<Browser> browsers = new ArrayList<>();
    private static final Map<String, List<String>> violations = new LinkedHashMap<>();

    @BeforeAll
    static void publishAMembersOnlyBriefing() {
        assumeTrue(Browser.available(), "browser tests skipped: " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER
                + " is missing (Debian packages chromium and chromium-driver; .ci/run installs them)");
        var parts = RunningStack.parts();
        base = "http://127.0.0.1:" + parts.settings().port("gateway");
        demo = parts.demo();
        String editor = demo.token("editor@visaport.local", "Editor-Local-2026");
        JsonNode draft = Demo.json(demo.send("POST", "/api/admin/news/articles", editor, Map.of(
                "title", "Envoys agree on a harbour protocol " + SUFFIX,
                "lede", "A first round of talks ends with a protocol on shared harbours.",
                "body", "The envoys met behind closed doors. " + SECRET + " was the code word of the talks.\n\nMore follows.",
                "dateline", Map.of("place", "Vienna, Austria", "date", LocalDate.now().toString()),
                "tags", List.of("diplomacy"), "regions", List.of("europe"), "countries", List.of("AT"), "language", "en"), Map.of()));
        briefing = Demo.json(demo.send("POST", "/api/admin/news/articles/" + draft.path("id").asString() + "/publish", editor,
                Map.of("version", draft.path("version").asLong()), Map.of()));
        assertThat(briefing.path("slug").asString()).isNotBlank();
    }

    @AfterEach
    void noPageHadAccessibilityViolations() {
        Map<String, List<String>> found = new LinkedHashMap<>(violations);
        violations.clear();
        assertThat(found).as("axe-core violations at WCAG 2.2 A/AA, per page").allSatisfy((page, list) -> assertThat(list).as(page).isEmpty());
    }

    @AfterAll
    static void closeTheBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }

    @Test
    @Order(1)
    void anAnonymousReaderSeesTeasersOnlyAndNothingOfTheMembersOnlyText() {
        Browser reader = browser();
        reader.open("/").ready();
        checked(reader, "welcome");
        reader.find("#sign-up");

        reader.open("/news").ready();
        reader.waitForText("main", briefing.path("title").asString());
        checked(reader, "news");

        reader.open("/news/" + briefing.path("slug").asString()).ready();
        reader.find("#members-only");
        assertThat(reader.present("#article-body")).isFalse();
        assertNothingOfTheMembersText(reader);
        checked(reader, "article-anonymous");

        reader.open("/news?q=" + SECRET).ready();
        reader.find("main h1");
        assertThat(reader.find("main").getText()).doesNotContain(briefing.path("title").asString());
        assertNothingOfTheMembersText(reader);

        // No cache between the reader and the service may keep an answer for someone with another entitlement.
        Object cacheControl = reader.async("""
                fetch('/api/news/articles/by-slug/' + arguments[0]).then(r => arguments[1](r.headers.get('Cache-Control')))""",
                briefing.path("slug").asString());
        assertThat(String.valueOf(cacheControl)).containsAnyOf("no-store", "private");
    }

    @Test
    @Order(2)
    void thePagesFitAPhoneSizedScreen() {
        Browser phone = browser();
        phone.resize(360, 740);
        for (String page : List.of("/", "/news", "/news/" + briefing.path("slug").asString(), "/signup")) {
            phone.open(page).ready();
            phone.find("main h1");
            assertThat(phone.script("return document.documentElement.scrollWidth <= window.innerWidth")).as(page).isEqualTo(true);
        }
        phone.open("/news/" + briefing.path("slug").asString()).ready();
        checked(phone, "article-phone");
    }

    @Test
    @Order(3)
    void anApplicantSeesTeasersOnlyToo() {
        Browser applicant = browser();
        applicant.open("/").ready();
        applicant.signIn("applicant@visaport.local", "Applicant-Local-2026");
        applicant.open("/news/" + briefing.path("slug").asString()).ready();
        applicant.find("#members-only");
        assertThat(applicant.present("#article-body")).isFalse();
        assertNothingOfTheMembersText(applicant);
        checked(applicant, "article-applicant");
        applicant.open("/news?q=" + SECRET).ready();
        applicant.find("main h1");
        assertThat(applicant.find("main").getText()).doesNotContain(briefing.path("title").asString());
        applicant.signOut();
    }

    @Test
    @Order(4)
    void theLanguageSwitchChangesEveryTextAndIsRemembered() {
        Browser reader = browser();
        reader.open("/").ready();
        assertThat(reader.find("main h1").getText()).isEqualTo("Welcome to VisaPort");

        reader.click("button[data-lang='fr']");
        reader.waitForText("main h1", "Bienvenue sur VisaPort");
        assertThat(reader.script("return document.documentElement.lang")).isEqualTo("fr");
        reader.open("/news").ready();
        assertThat(reader.find("main h1").getText()).isEqualTo("Actualités");
        checked(reader, "news-fr");

        reader.click("button[data-lang='en']");
        reader.waitForText("main h1", "News");
        assertThat(reader.script("return document.documentElement.lang")).isEqualTo("en");
    }

    @Test
    @Order(5)
    void aMemberHasNoModerationPage() {
        Browser member = browser();
        member.open("/").ready();
        member.signIn("member@visaport.local", "Member-Local-2026");
        assertThat(member.all("#site-nav a[href='/moderation']")).isEmpty();
        member.open("/moderation").ready();
        assertThat(member.find(".status-code").getText()).isEqualTo("403");
        checked(member, "forbidden");
        member.signOut();
    }

    @Test
    @Order(6)
    void theStaffAndAccountPagesAreAccessibleToo() {
        Browser editor = browser();
        editor.open("/").ready();
        editor.signIn("editor@visaport.local", "Editor-Local-2026");
        editor.open("/newsroom").ready();
        editor.find("#newsroom-articles");
        checked(editor, "newsroom");
        editor.open("/newsroom/" + briefing.path("id").asString()).ready();
        editor.find("#article-form");
        checked(editor, "newsroom-editor");
        editor.open("/notifications/settings").ready();
        editor.find("#settings-form");
        checked(editor, "notification-settings");
        editor.open("/profile").ready();
        editor.find("main h1");
        checked(editor, "profile");
        editor.signOut();

        Browser moderator = browser();
        moderator.open("/").ready();
        moderator.signIn("moderator@visaport.local", "Moderator-Local-2026");
        moderator.open("/moderation").ready();
        moderator.find("#to-applications");
        checked(moderator, "moderation");
        moderator.signOut();
    }

    @Test
    @Order(7)
    void aDiplomatSignsUpIsApprovedReadsCommentsAndHearsOfAReplyLive() {
        String name = "Dana Browser " + SUFFIX;
        String email = "browser-" + SUFFIX + "@mission.example";
        String password = "Diplomatic-Pouch-" + SUFFIX;

        // Sign up from the welcome page.
        Browser diplomat = browser();
        diplomat.open("/").ready();
        diplomat.click("#sign-up");
        diplomat.ready();
        diplomat.find("#signup-form");
        checked(diplomat, "signup");
        diplomat.type("[name='fullName']", name);
        diplomat.type("[name='email']", email);
        diplomat.type("[name='password']", password);
        new Select(diplomat.find("[name='countryCode']")).selectByValue("AT");
        diplomat.type("[name='mission']", "Permanent Mission of Austria");
        diplomat.type("[name='position']", "First Secretary");
        diplomat.type("[name='accreditationNumber']", "DIP-AT-" + SUFFIX);
        diplomat.type("[name='postingCity']", "Vienna");
        diplomat.script("arguments[0].value = arguments[1]", diplomat.find("[name='postingEndsOn']"),
                LocalDate.now().plusYears(2).toString());
        new Select(diplomat.find("[name='language']")).selectByValue("en");
        diplomat.click("[name='termsAccepted']");
        diplomat.click("#signup-submit");
        diplomat.find("#signup-done");
        checked(diplomat, "signup-done");

        // The verification link from the mail box, opened in the same browser.
        diplomat.open(demo.verificationLink(email));
        diplomat.click("a[href*='login-actions/action-token']");
        diplomat.waitForText("body", "Your account has been updated");

        // A moderator approves the application on the moderation page.
        Browser moderator = browser();
        moderator.open("/").ready();
        moderator.signIn("moderator@visaport.local", "Moderator-Local-2026");
        moderator.open("/moderation/applications").ready();
        WebElement application = moderator.until(d -> d.findElements(By.cssSelector("#applications [data-member-id]")).stream()
                .filter(item -> item.getText().contains(name)).findFirst().orElse(null));
        checked(moderator, "moderation-applications");
        application.findElement(By.cssSelector("button.approve")).click();
        moderator.until(d -> application.findElements(By.cssSelector("button.confirm")).stream().anyMatch(WebElement::isDisplayed));
        application.findElements(By.cssSelector("button.confirm")).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
        // A decided application leaves the list of those under review.
        moderator.until(d -> d.findElements(By.cssSelector("#applications [data-member-id]")).stream()
                .noneMatch(item -> item.getText().contains(name)));

        // The new member signs in and reads the briefing in full.
        diplomat.open("/").ready();
        diplomat.signIn(email, password);
        diplomat.open("/news/" + briefing.path("slug").asString()).ready();
        assertThat(diplomat.find("#article-body").getText()).contains(SECRET);
        checked(diplomat, "article-member");

        // A comment: as a new member's, it waits for a moderator, and the page says so.
        String comment = "Greetings from the browser, " + SUFFIX + ".";
        diplomat.type("#comment-form [name='text']", comment);
        diplomat.click("#comment-submit");
        diplomat.until(d -> !d.findElement(By.id("comment-status")).getText().isBlank());
        String status = diplomat.find("#comment-status").getText();
        assertThat(status.toLowerCase()).contains("moderat");
        assertThat(diplomat.find("main").getText()).contains("Your e-mail address will not be published");
        checked(diplomat, "article-comment-waiting");

        // The moderator approves it in the comment queue.
        moderator.open("/moderation/comments").ready();
        moderator.find("#comment-queue [data-comment-id]");
        checked(moderator, "moderation-comments");
        String commentId = approveInTheQueue(moderator, comment);

        // Someone replies; the member's bell counts it without a reload.
        diplomat.open("/news/" + briefing.path("slug").asString()).ready();
        diplomat.waitForText("[data-comment-id='" + commentId + "']", comment);
        int unreadBefore = unread(diplomat);
        String member = demo.token("member@visaport.local", "Member-Local-2026");
        String replyText = "Welcome aboard, " + SUFFIX + "!";
        JsonNode reply = Demo.json(demo.send("POST", "/api/comments/articles/" + briefing.path("id").asString() + "/comments", member,
                Map.of("text", replyText, "parentId", commentId), Map.of()));
        if (!reply.path("visible").asBoolean()) {
            approveInTheQueue(moderator, replyText);
        }
        // Through Kafka, notification-service's feed and the live stream; a stream refused while the member's earlier
        // pages' streams were still counted is tried again by the page within seconds.
        diplomat.until(d -> unread(diplomat) > unreadBefore, Duration.ofSeconds(90));
        diplomat.click("#bell");
        diplomat.ready();
        diplomat.waitForText("#feed", "repl");
        checked(diplomat, "notifications");

        diplomat.signOut();
        moderator.signOut();
    }

    /** Approves the comment with this text on the moderator's pending queue, and returns its id. */
    private static String approveInTheQueue(Browser moderator, String text) {
        moderator.open("/moderation/comments").ready();
        WebElement queued = moderator.until(d -> d.findElements(By.cssSelector("#comment-queue [data-comment-id]")).stream()
                .filter(item -> item.getText().contains(text)).findFirst().orElse(null));
        String commentId = queued.getDomAttribute("data-comment-id");
        queued.findElement(By.cssSelector("button.approve")).click();
        moderator.until(d -> d.findElements(By.cssSelector("#comment-queue [data-comment-id='" + commentId + "']")).isEmpty());
        return commentId;
    }

    /**
     * The bell's count, read in one step in the page: the live stream redraws the badge, so an element found first and
     * read after may already be gone.
     */
    private static int unread(Browser browser) {
        Object count = browser.script("const badge = document.getElementById('unread-count');"
                + " return badge ? badge.textContent.trim() : '';");
        return count == null || count.toString().isEmpty() ? 0 : Integer.parseInt(count.toString());
    }

    private static Browser browser() {
        Browser browser = new Browser(base, SCREENSHOTS);
        browsers.add(browser);
        return browser;
    }

    /** Runs axe-core on the page as it is and saves a screenshot of it. */
    private static void checked(Browser browser, String page) {
        violations.put(page, browser.accessibilityViolations());
        browser.screenshot(page);
    }

    private static void assertNothingOfTheMembersText(Browser browser) {
        assertThat(browser.source()).doesNotContain(SECRET);
        assertThat(browser.title()).doesNotContain(SECRET);
        Object metas = browser.script("return Array.from(document.querySelectorAll('meta')).map(m => m.outerHTML).join('\\n')");
        assertThat(String.valueOf(metas)).doesNotContain(SECRET);
    }
}

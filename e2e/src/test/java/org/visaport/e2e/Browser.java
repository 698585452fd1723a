package org.visaport.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.visaport.deploy.Folders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person's browser: Debian's Chromium, headless, driven by its chromedriver (never a downloaded browser or driver),
 * with a profile of its own, so two people's sessions never mix. Waits for what a person waits for; never sleeps.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("visaport.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("visaport.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The accessibility rules the pages are held to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /**
     * Selenium warns on every start that it has no DevTools bindings for this Chromium: the tests use WebDriver only.
     * Held here, as java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger SELENIUM = quiet(java.util.logging.Logger.getLogger("org.openqa.selenium"));

    private final String base;
    private final Path profile;
    private final ChromeDriver driver;
    private final Path screenshots;

    private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser(String base, Path screenshots) {
        this.base = base;
        this.screenshots = screenshots;
        try {
            this.profile = Files.createTempDirectory("visaport-browser");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--lang=en-GB", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Opens a page of the gateway ({@code /news}) or any address. */
    Browser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        return this;
    }

    /** Waits until the page frame has shown a page (its main element no longer busy). */
    Browser ready() {
        until(d -> "false".equals(d.findElement(By.id("main")).getDomAttribute("aria-busy")));
        return this;
    }

    WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    void click(String css) {
        until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the element shows text containing {@code text}, and returns all of its text. */
    String waitForText(String css, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return find(css).getText();
    }

    <T> T until(Function<WebDriver, T> condition) {
        return until(condition, PATIENCE);
    }

    <T> T until(Function<WebDriver, T> condition, Duration patience) {
        try {
            // A page redraws what changed: an element found a moment ago may be gone by the next look.
            return new WebDriverWait(driver, patience).ignoring(StaleElementReferenceException.class).until(condition::apply);
        } catch (TimeoutException e) {
            // What the person would have seen, so a failure in CI says more than "timed out".
            String shown = driver.findElements(By.cssSelector("main h1, [role='alert'], [role='status'], .error")).stream()
                    .map(WebElement::getText).filter(text -> !text.isBlank()).collect(java.util.stream.Collectors.joining("\n"));
            throw new TimeoutException(e.getMessage() + "\nat " + driver.getCurrentUrl() + ", the page showed:\n"
                    + shown.substring(0, Math.min(shown.length(), 1500)), e);
        }
    }

    String title() {
        return driver.getTitle();
    }

    String source() {
        return driver.getPageSource();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Runs a script that calls its last argument with the result, e.g. after a fetch. */
    Object async(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    /** Signs in through Keycloak's login page, starting from the page's own sign-in link. */
    void signIn(String username, String password) {
        click("a.sign-in");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        click("#kc-login");
        until(d -> d.getCurrentUrl().startsWith(base));
        ready();
    }

    /** Signs out with the frame's sign-out button: the gateway's session and Keycloak's end, and the welcome page shows. */
    void signOut() {
        click("form.sign-out button");
        until(d -> d.getCurrentUrl().equals(base + "/") || d.getCurrentUrl().startsWith(base + "/?"));
        ready();
        find("a.sign-in");
    }

    /** The accessibility violations axe-core finds on the page as it is now, one line each. */
    List<String> accessibilityViolations() {
        script(axeSource());
        Object answer = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then(results => done(JSON.stringify(results.violations)))
                  .catch(error => done(JSON.stringify([{ id: 'axe-failed', help: String(error), nodes: [] }])));""", WCAG_AA);
        JsonNode violations = JSON.readTree(String.valueOf(answer));
        return violations.valueStream().map(violation -> violation.path("id").asString() + ": " + violation.path("help").asString()
                + " at " + violation.path("nodes").valueStream().map(node -> node.path("target").toString()).toList()).toList();
    }

    private static String axeSource() {
        try (InputStream axe = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (axe == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath");
            }
            return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows as {@code <name>.png} in the screenshots folder. */
    Path screenshot(String name) {
        script("window.scrollTo(0, 0)");
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() {
        driver.quit();
        // A profile folder left in the temporary directory harms nothing.
        Folders.deleteQuietly(profile);
    }
}

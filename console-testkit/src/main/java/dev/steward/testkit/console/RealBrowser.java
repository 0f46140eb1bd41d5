package dev.steward.testkit.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A started console (a {@code RANDOM_PORT} Spring Boot test) in a real browser: Debian's Chromium, headless, driven by
 * Playwright for Java. Playwright never downloads a browser: its driver comes in its Maven artifact, the download is
 * switched off for the driver process ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}), and the browser is
 * {@code /usr/bin/chromium}. A test on a machine without it is skipped, saying how to install it.
 * <p>
 * One browser per instance; {@link #newSession()} starts a browser session with no cookies or storage (as another
 * browser would). Content-Security-Policy violations of every page opened are collected
 * ({@link #contentSecurityPolicyViolations()}). Use Playwright's own API on {@link #page()} for the rest: its locators
 * ({@code getByLabel}, {@code getByRole}, {@code getByText}) wait by themselves.
 * <p>
 * Its users declare {@code com.microsoft.playwright:playwright} themselves (test scope): the kit has it as optional.
 */
public final class RealBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The screen the console is designed for: a 1366x768 laptop. */
    public static final int WIDTH = 1366;
    public static final int HEIGHT = 768;
    /** How long a wait may take (a loaded CI machine starts Vaadin's client slowly). */
    public static final double TIMEOUT_MILLIS = 30_000;

    static final Map<String, String> DRIVER_ENVIRONMENT = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");

    private final String baseUrl;
    private final int width;
    private final int height;
    private final Playwright playwright;
    private final Browser browser;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private BrowserContext context;
    private Page page;

    /** Skips the calling test, saying why, on a machine without Debian's Chromium. */
    public static void assumeChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed: apt-get install chromium");
    }

    /** Chromium at 1366x768 on the console listening on this local port (skips the test without Chromium). */
    public static RealBrowser open(int port) {
        return open(port, WIDTH, HEIGHT);
    }

    public static RealBrowser open(int port, int width, int height) {
        assumeChromium();
        return new RealBrowser("http://localhost:" + port, width, height);
    }

    private RealBrowser(String baseUrl, int width, int height) {
        this.baseUrl = baseUrl;
        this.width = width;
        this.height = height;
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(DRIVER_ENVIRONMENT));
        try {
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                    .setHeadless(true).setArgs(CHROMIUM_ARGS));
            newSession();
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh browser session (no cookies, no storage) with one page; the previous session's pages are closed. */
    public Page newSession() {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        context.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
        context.exposeFunction("stewardCspViolation", args -> {
            violations.add(args[0] + " " + args[1]);
            return null;
        });
        context.addInitScript("document.addEventListener('securitypolicyviolation',"
                + " e => window.stewardCspViolation(e.violatedDirective, e.blockedURI))");
        page = context.newPage();
        return page;
    }

    public Page page() {
        return page;
    }

    /** The console's address of a path ("/admin/users"). */
    public String url(String path) {
        return baseUrl + path;
    }

    /** Opens a path of the console ("/people"): returns once the page has loaded, before Vaadin has rendered the view. */
    public void navigate(String path) {
        page.navigate(url(path));
    }

    /**
     * Signs in with the console's login form (Spring Security form login: CSRF, session cookie) from the console's root;
     * does not wait for what comes next (the dashboard, a two-factor page, the form's error).
     */
    public void signIn(String username, String password) {
        navigate("/");
        waitForPath("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button("Log in").click();
    }

    /** Waits until the browser is on this path of the console (whatever the query). */
    public void waitForPath(String path) {
        page.waitForURL(address -> address.startsWith(baseUrl) && java.net.URI.create(address).getPath().equals(path));
    }

    /** The page's text as a person reads it ({@code document.body.innerText}). */
    public String text() {
        return (String) page.evaluate("() => document.body.innerText");
    }

    /** Waits until the page's text contains {@code text}; a timeout says where the browser is and what it shows. */
    public void waitForText(String text) {
        waitUntil("the page shows '" + text + "'", "t => document.body.innerText.includes(t)", text);
    }

    /**
     * Waits until a JavaScript function ({@code "() => ..."} or {@code "x => ..."}, given {@code argument}) returns a
     * truthy value in the page, polled; one that throws counts as false. A timeout says where the browser is and what
     * it shows.
     */
    public void waitUntil(String description, String function, Object argument) {
        try {
            // a page still loading may lack what the function reads: that is "not yet", not a failure
            page.waitForFunction("argument => { try { return (" + function + ")(argument); } catch (e) { return false; } }", argument,
                    new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MILLIS).setPollingInterval(200));
        } catch (TimeoutError e) {
            String shown;
            try {
                shown = page.url() + " :: " + text().substring(0, Math.min(500, text().length()));
            } catch (PlaywrightException unreadable) {
                shown = "(unreadable: " + unreadable.getMessage() + ")";
            }
            throw new AssertionError("Timed out waiting until " + description + "; the page is " + shown, e);
        }
    }

    /** A button (a {@code vaadin-button}, or anything with that role) by its exact accessible name. */
    public Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Saves a screenshot of the viewport to {@code target/screenshots/<name>} (of the module the test runs in). */
    public Path screenshot(String name) {
        Path file = Path.of("target", "screenshots", name);
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }

    /** Every Content-Security-Policy violation the pages opened so far reported ("directive blocked-URI"). */
    public List<String> contentSecurityPolicyViolations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}

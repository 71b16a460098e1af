package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The intranet as its users meet it (issue 14), in a real headless Chromium at a desk's size (1400 × 900) and a
 * phone's (390 × 844, as a phone renders: its viewport, touch, overlay scroll bars): on every page visited, nothing
 * wider than the screen, every input labelled, text and buttons at a contrast of 4.5:1 or more computed from the
 * rendered colours, touch targets of 24 px or more, the language in use shown, and no username, enum constant or
 * English phrase on a Vietnamese page. A citizen and a Government member opening pages outside their roles get the
 * "no permission" page with HTTP status 403. Screenshots of every page and size go to target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
class IntranetUsabilityIT extends PlatformIT {

    /** A screen the intranet is used on. */
    private record Screen(String name, int width, int height, boolean mobile) {}

    private static final Screen DESK = new Screen("desk", 1400, 900, false);
    private static final Screen PHONE = new Screen("phone", 390, 844, true);

    private static final String NO_PERMISSION = "Không có quyền truy cập";

    /** What a person must never read on a Vietnamese page: raw usernames, enum constants, the framework's English. */
    private static final Map<String, Pattern> FORBIDDEN = Map.of(
            "a username",
            Pattern.compile(
                    "\\b(?:sysadmin|(?:admin|clerk|specialist|leader|member|secretary|reporter|analyst|onestop|citizen)\\.[a-z0-9]+)\\b"),
            "an enum constant",
            Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\\b"),
            "English of the framework or the services",
            Pattern.compile(
                    "No records found|Validation Error|password grant|fetched by|is outside|add up to|\\?\\?\\?|0:0:0:0:0:0:0:1"));

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private Screen screen = DESK;
    /** What the pages visited fell short of, all of it reported at the end of the test (one run shows every gap). */
    private final List<String> shortfalls = new ArrayList<>();

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            screenshot("failed-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("egov-chromium");
        browser = Browsers.chromium(profile, DESK.width(), DESK.height());
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    // ------------------------------------------------------------------ role gating

    @Test
    void aCitizenAndACabinetMemberOpeningPagesOutsideTheirRolesGetTheNoPermissionPageWith403() throws IOException {
        signIn("citizen");
        assertMenu(
                List.of("navHome", "navDirectory"),
                List.of(
                        "navInbox",
                        "navOutbox",
                        "navCompose",
                        "navStatistics",
                        "navMeetings",
                        "navBallots",
                        "navCertificate",
                        "navReport",
                        "navReports",
                        "navDashboard",
                        "navOneStop",
                        "navProcedures",
                        "navCentre",
                        "navAudit"));
        String citizen = session();
        for (String page : List.of(
                "exchange/inbox.xhtml",
                "exchange/compose.xhtml",
                "exchange/outbox.xhtml",
                "exchange/document.xhtml?id=1",
                "exchange/statistics.xhtml",
                "cabinet/meetings.xhtml",
                "cabinet/ballots.xhtml",
                "cabinet/certificate.xhtml",
                "reporting/submit.xhtml",
                "reporting/reports.xhtml",
                "reporting/dashboard.xhtml",
                "reporting/centre.xhtml",
                "onestop/dossiers.xhtml",
                "admin/audit.xhtml")) {
            assertRefused(citizen, page);
        }
        assertEquals(200, page(citizen, "index.xhtml").statusCode());
        assertEquals(200, page(citizen, "directory/agencies.xhtml").statusCode());
        for (String page : List.of("exchange/inbox.xhtml", "exchange/compose.xhtml", "reporting/submit.xhtml")) {
            assertRefusedInTheBrowser(page, "citizen-refused-" + page.replaceAll("\\W+", "-"));
        }
        signOut();

        signIn("member.g09");
        assertMenu(
                List.of("navHome", "navMeetings", "navBallots", "navCertificate", "navDashboard", "navCentre"),
                List.of(
                        "navInbox",
                        "navOutbox",
                        "navCompose",
                        "navStatistics",
                        "navReport",
                        "navReports",
                        "navOneStop",
                        "navProcedures",
                        "navAudit"));
        String member = session();
        for (String page : List.of(
                "exchange/inbox.xhtml",
                "exchange/compose.xhtml",
                "exchange/outbox.xhtml",
                "exchange/statistics.xhtml",
                "reporting/submit.xhtml",
                "reporting/reports.xhtml",
                "onestop/dossiers.xhtml",
                "onestop/procedures.xhtml",
                "admin/audit.xhtml")) {
            assertRefused(member, page);
        }
        for (String page : List.of("cabinet/meetings.xhtml", "cabinet/ballots.xhtml", "reporting/dashboard.xhtml")) {
            assertEquals(200, page(member, page).statusCode(), page);
        }
        assertRefusedInTheBrowser("reporting/submit.xhtml", "member-refused-report-entry");
    }

    // ------------------------------------------------------------------ phone and desk

    @Test
    void theMainPagesFitAPhoneAndADeskAreLabelledReadableAndInTheirUsersWords() throws IOException {
        long meeting =
                idOf(postJson("api/v1/cabinet/meetings", person("secretary.g22"), """
                {"kind":"REGULAR","title":"Phiên họp Chính phủ thường kỳ (kiểm tra giao diện)","startsAt":"%s",
                 "chair":"member.tt"}""".formatted(inVietnam(21, 8))));
        for (Screen size : List.of(DESK, PHONE)) {
            use(size);
            signIn("clerk.g22");
            for (String page : List.of(
                    "index.xhtml",
                    "exchange/inbox.xhtml",
                    "exchange/outbox.xhtml",
                    "exchange/compose.xhtml",
                    "directory/agencies.xhtml")) {
                visit(page);
                if (page.equals("index.xhtml")) {
                    // The home page is the clerk's work queue: what waits for them, counted.
                    String queue = browser.findElement(By.id("workQueue")).getText();
                    assertTrue(
                            queue.contains("văn bản đến chờ tiếp nhận") && queue.matches("(?s).*\\d+\\s+văn bản.*"),
                            queue);
                }
            }
            // A document received, when the agency has one (the suite's other classes send some).
            browser.get(base() + "exchange/inbox.xhtml");
            List<WebElement> documents = browser.findElements(By.cssSelector("[id='inbox:items'] a[id$=':open']"));
            if (!documents.isEmpty()) {
                documents.get(0).click();
                wait.until(ExpectedConditions.urlContains("/exchange/document.xhtml"));
                check("exchange-document");
            }
            signOut();

            signIn("reporter.h41");
            visit("reporting/reports.xhtml");
            openTheReportForm();
            WebElement indicator = browser.findElement(By.cssSelector("[id='form:values'] td.egov-indicator-cell"));
            assertTrue(
                    indicator.getRect().getWidth() >= 120 && indicator.getText().length() > 3,
                    "the indicator a value is for stays readable on the " + screen.name() + ": "
                            + indicator.getRect().getWidth() + " px, '" + indicator.getText() + "'");
            check("reporting-submit-open");
            signOut();

            signIn("analyst.g22");
            visit("reporting/dashboard.xhtml?indicator=RETAIL_TOTAL&period="
                    + todayInVietnam().getYear());
            // Periods as people write them: "Năm 2026" and "Tháng 1/2026", not the codes 2026 and 2026-01.
            assertTrue(
                    browser.findElement(By.id("headline"))
                            .getText()
                            .endsWith("Năm " + todayInVietnam().getYear()),
                    browser.findElement(By.id("headline")).getText());
            assertTrue(
                    browser.findElement(By.id("trend"))
                            .getText()
                            .contains("Tháng 1/" + todayInVietnam().getYear()),
                    browser.findElement(By.id("trend")).getText());
            visit("reporting/reports.xhtml");
            visit("reporting/centre.xhtml");
            signOut();

            signIn("secretary.g22");
            visit("cabinet/meetings.xhtml");
            visit("cabinet/ballots.xhtml");
            visit("cabinet/meeting.xhtml?id=" + meeting);
            // An empty agenda says so in Vietnamese (PrimeFaces' own "No records found." is replaced).
            assertTrue(
                    browser.findElement(By.id("liveForm:agenda")).getText().contains("Không có dữ liệu."),
                    browser.findElement(By.id("liveForm:agenda")).getText());
            signOut();

            signIn("member.g09");
            visit("cabinet/meeting.xhtml?id=" + meeting);
            visit("cabinet/certificate.xhtml");
            signOut();

            signIn("onestop.hungdung");
            visit("onestop/dossiers.xhtml");
            signOut();

            signIn("sysadmin");
            visit("admin/audit.xhtml");
            String log = browser.findElement(By.id("audit:events")).getText();
            assertTrue(log.contains("Đăng nhập thành công"), "the events in words: " + log);
            visit("exchange/statistics.xhtml");
            signOut();
        }
    }

    // ------------------------------------------------------------------ steps

    private void use(Screen size) {
        screen = size;
        ((HasCdp) browser)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of(
                                "width", size.width(),
                                "height", size.height(),
                                "deviceScaleFactor", 1,
                                "mobile", size.mobile()));
        ((HasCdp) browser).executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", size.mobile()));
    }

    private void signIn(String username) {
        browser.get(base() + "login.xhtml");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        check("login");
        name.clear();
        name.sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(DEMO_SECRET);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signOut")));
    }

    private void signOut() {
        if (browser.findElements(By.id("shell:signOut")).isEmpty()) {
            // The no-permission page has no menu: the session ends as a closed browser ends it.
            browser.manage().deleteAllCookies();
            browser.get(base() + "login.xhtml");
            return;
        }
        browser.findElement(By.id("shell:signOut")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    private String session() {
        return "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
    }

    private HttpResponse<String> page(String cookie, String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Cookie", cookie));
    }

    /** The page answers 403 with the no-permission page (never a 500, never the page itself). */
    private void assertRefused(String cookie, String path) {
        HttpResponse<String> answer = page(cookie, path);
        assertEquals(403, answer.statusCode(), path + ": " + answer.body());
        // Faces writes Latin-1 letters (ô, ó) as character references: the part of the title without them.
        assertTrue(answer.body().contains("quyền truy cập"), path + ": " + answer.body());
        assertTrue(answer.body().contains("HTTP 403"), path + ": " + answer.body());
    }

    private void assertRefusedInTheBrowser(String path, String shot) throws IOException {
        browser.get(base() + path);
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("errorTitle")));
        assertEquals(NO_PERMISSION, title.getText(), path);
        assertEquals(
                "Bạn không có quyền truy cập trang này.",
                browser.findElement(By.id("errorMessage")).getText());
        assertEquals("HTTP 403", browser.findElement(By.id("errorStatus")).getText());
        check(shot);
    }

    private void assertMenu(List<String> shown, List<String> hidden) {
        for (String id : shown) {
            assertFalse(browser.findElements(By.id(id)).isEmpty(), id + " is in the menu");
        }
        for (String id : hidden) {
            assertTrue(browser.findElements(By.id(id)).isEmpty(), id + " is not in the menu");
        }
    }

    private void openTheReportForm() {
        browser.get(base() + "reporting/submit.xhtml");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("form:regime")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[@id='form:regime_items']/li[contains(., 'BC-KTXH-THANG')]")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("form:regime_panel")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form:agency"), "Nghệ An"));
        // The period is chosen among the regime's own (monthly) periods, in words: no code to type.
        Browsers.choose(browser, wait, "form:period", "Tháng 3/" + yearsAgo(2));
        browser.findElement(By.id("form:open")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:values")));
    }

    private void visit(String path) {
        browser.get(base() + path);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
        check(path.replaceAll("\\.xhtml.*", "").replace('/', '-'));
    }

    /** Every check of the page on the screen in use, then its screenshot. */
    @SuppressWarnings("unchecked")
    private void check(String name) {
        String where = name + " on the " + screen.name();
        try {
            screenshot(screen.name() + "-" + name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> found = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(AUDIT);
        long scrollWidth = ((Number) found.get("scrollWidth")).longValue();
        long innerWidth = ((Number) found.get("innerWidth")).longValue();
        if (scrollWidth > innerWidth) {
            shortfalls.add(where + " is " + scrollWidth + " px wide on a screen of " + innerWidth + " px; widest: "
                    + found.get("wide"));
        }
        for (String measure : List.of("unlabelled", "lowContrast", "smallTargets")) {
            if (!((List<?>) found.get(measure)).isEmpty()) {
                shortfalls.add(where + ": " + measure + " " + found.get(measure));
            }
        }
        if (!"no switch on this page".equals(found.get("activeLanguage"))
                && !"VI".equals(found.get("activeLanguage"))) {
            shortfalls.add(where + ": the language in use is not shown (aria-current, styled): "
                    + found.get("activeLanguage"));
        }
        String text = (String) found.get("text");
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Pattern> forbidden : FORBIDDEN.entrySet()) {
            if (forbidden.getKey().equals("a username") && name.startsWith("admin-audit")) {
                continue; // the security log names the accounts, as a security log must
            }
            Matcher m = forbidden.getValue().matcher(text);
            while (m.find()) {
                words.add(forbidden.getKey() + ": '" + m.group() + "'");
            }
        }
        if (!words.isEmpty()) {
            shortfalls.add(where + " shows words its readers should not see: " + words);
        }
    }

    @AfterEach
    void everyPageVisitedMeasuredUp() {
        assertEquals(List.of(), shortfalls, "pages that fall short:\n" + String.join("\n", shortfalls));
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(),
                dir.resolve(System.getProperty("it.database", "db") + "-usability-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static long idOf(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        return json(created).asJsonObject().getJsonNumber("id").longValue();
    }

    /**
     * What the page shows, measured in the page: its width against the screen's (and the elements that stick out),
     * inputs without a label, text whose colour on its background is under 4.5:1 (WCAG 1.4.3, computed from the
     * rendered colours, alpha and opacity blended), targets under 24 × 24 px (WCAG 2.5.8: menu and header links,
     * buttons, check boxes, radio buttons, fields), the marked language, and the visible text without the codes a
     * page shows on purpose beside a name ({@code .egov-code}).
     */
    private static final String AUDIT = """
            const visible = e => e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
                && e.getBoundingClientRect().width > 1 && e.getBoundingClientRect().height > 1;
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
            const out = {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth};
            out.wide = [...document.querySelectorAll('body *')].filter(visible)
                .map(e => [e, e.getBoundingClientRect().right]).filter(([e, r]) => r > window.innerWidth + 1)
                .sort((a, b) => b[1] - a[1]).slice(0, 6).map(([e, r]) => describe(e) + ' to ' + Math.round(r));

            const labelled = e => (e.id && document.querySelector('label[for="' + CSS.escape(e.id) + '"]'))
                || (e.getAttribute('aria-label') || '').trim() || (e.getAttribute('aria-labelledby') || '').trim()
                    && e.getAttribute('aria-labelledby').split(/\\s+/).every(id => document.getElementById(id))
                || e.closest('label');
            out.unlabelled = [...document.querySelectorAll('input, select, textarea')]
                .filter(e => !['hidden', 'submit', 'button', 'reset', 'image'].includes(e.type))
                .filter(visible).filter(e => !labelled(e)).map(describe);

            const rgba = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                const p = m[1].split(/[ ,\\/]+/).filter(x => x).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
            const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3])).concat([1]);
            const background = e => { const layers = [];
                for (let n = e; n && n.nodeType === 1; n = n.parentElement) { const s = getComputedStyle(n);
                    if (s.backgroundImage !== 'none' && !s.backgroundImage.startsWith('url(')) return null;
                    const c = rgba(s.backgroundColor); if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
                return layers.reverse().reduce((below, top) => over(top, below), [255, 255, 255, 1]); };
            const luminance = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
                return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const opacity = e => { let o = 1; for (let n = e; n && n.nodeType === 1; n = n.parentElement)
                o *= Number(getComputedStyle(n).opacity); return o; };
            out.lowContrast = [];
            for (const e of document.querySelectorAll('body *')) {
                if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
                if (!visible(e) || e.closest('[disabled], .ui-state-disabled, [aria-disabled="true"], canvas, svg')) continue;
                const bg = background(e); const fg = rgba(getComputedStyle(e).color);
                if (!bg || !fg) continue;
                const shown = over([fg[0], fg[1], fg[2], fg[3] * opacity(e)], bg);
                const [l1, l2] = [luminance(shown), luminance(bg)].sort((a, b) => b - a);
                const ratio = (l1 + 0.05) / (l2 + 0.05);
                if (ratio < 4.5) out.lowContrast.push(describe(e) + ' "' + e.textContent.trim().slice(0, 30) + '" '
                    + ratio.toFixed(2) + ':1');
            }
            out.lowContrast = [...new Set(out.lowContrast)].slice(0, 12);

            out.smallTargets = [...document.querySelectorAll('.egov-header a, .egov-nav a, .ui-button, .ui-chkbox-box, '
                    + '.ui-radiobutton-box, .ui-selectonemenu, .ui-paginator a, main input:not([type=hidden]), main select, main textarea')]
                .filter(visible).filter(e => { const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
                .map(e => describe(e) + ' ' + Math.round(e.getBoundingClientRect().width) + 'x'
                    + Math.round(e.getBoundingClientRect().height)).slice(0, 12);

            const active = document.querySelector('.egov-lang[aria-current="true"]');
            out.activeLanguage = !document.querySelector('.egov-lang') ? 'no switch on this page'
                : active && active.classList.contains('egov-lang-active') ? active.getAttribute('lang').toUpperCase() : null;

            const words = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const e = n.parentElement;
                if (!n.textContent.trim() || e.closest('script, style, .egov-code')) continue;
                if (e.checkVisibility({checkVisibilityCSS: true})) words.push(n.textContent.trim());
            }
            out.text = words.join('\\n');
            return out;
            """;
}

package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
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
 * A Government member away from the meeting room, on their phone (issue 14): in a headless Chromium that renders
 * as a phone does (390 × 844, mobile viewport, touch), the member signs in, follows the meeting the secretariat
 * runs, casts the signed vote with their PIN when it opens, and answers an opinion ballot. At every step the page
 * is no wider than the screen and each control the member touches is on the screen and at least 24 × 24 px; the
 * secretariat then reads the signed vote and the answer as recorded. A screenshot of each step goes to
 * target/screenshots/ ({@code <database>-phone-vote-<n>-<step>.png}).
 */
@ExtendWith(ArquillianExtension.class)
class PhoneVoteBrowserIT extends PlatformIT {

    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;
    /** A member not used by the other browser tests, so their tallies and ours never meet. */
    private static final String MEMBER = "member.g12";

    private static final String MEMBER_NAME = "Tạ Quang Long";

    private WebDriver phone;
    private WebDriverWait wait;
    private Path profile;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && phone != null) {
            screenshot("failed-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void openPhone() throws IOException {
        profile = Files.createTempDirectory("egov-chromium");
        phone = Browsers.chromium(profile, WIDTH, HEIGHT);
        ((HasCdp) phone)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
        ((HasCdp) phone).executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
        wait = new WebDriverWait(phone, PATIENCE);
    }

    @AfterEach
    void closePhone() throws IOException {
        if (phone != null) {
            phone.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void aMemberFollowsAMeetingCastsASignedVoteAndAnswersAnOpinionBallotOnTheirPhone() throws IOException {
        // The secretariat prepares the meeting, convenes and starts it; remote votes are allowed, as for a member
        // on mission who follows from their phone.
        String secretary = person("secretary.g22");
        String title = "Phiên họp Chính phủ trực tuyến " + System.currentTimeMillis() % 100_000;
        long meeting = idOf(postJson("api/v1/cabinet/meetings", secretary, """
                {"kind":"THEMATIC","title":"%s","startsAt":"%s","place":"Văn phòng Chính phủ","chair":"member.tt"}""".formatted(title, inVietnam(0, 8))));
        long item = idOf(postJson(
                "api/v1/cabinet/meetings/" + meeting + "/items",
                secretary,
                "{\"title\":\"Dự án Luật Chuyển đổi số\",\"presenter\":\"000.00.00.G12\"}"));
        for (String status : List.of("CONVENED", "IN_PROGRESS")) {
            HttpResponse<String> changed = postJson(
                    "api/v1/cabinet/meetings/" + meeting + "/status", secretary, "{\"status\":\"" + status + "\"}");
            assertEquals(200, changed.statusCode(), changed.body());
        }
        String question = "Xin ý kiến về dự thảo Nghị định chuyển đổi số " + meeting;
        long ballot = idOf(postJson(
                "api/v1/cabinet/ballots",
                secretary,
                "{\"question\":\"" + question + "\",\"deadline\":\"" + inVietnam(3, 17) + "\"}"));

        // 1. The member signs in on the phone.
        phone.get(base() + "cabinet/meetings.xhtml");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        step(1, "signin", By.id("login:username"), By.id("login:password"), By.id("login:submit"));
        name.sendKeys(MEMBER);
        phone.findElement(By.id("login:password")).sendKeys(DEMO_SECRET);
        tap(By.id("login:submit"));
        wait.until(ExpectedConditions.urlContains("/cabinet/meetings.xhtml"));
        assertEquals(MEMBER_NAME, phone.findElement(By.id("signedInName")).getText());

        // 2. The list of meetings: the member finds today's and opens it.
        By meetingLink = By.xpath("//a[contains(@class,'egov-meeting-link')][normalize-space(.)='" + title + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(meetingLink));
        step(2, "meetings", meetingLink);
        tap(meetingLink);
        wait.until(ExpectedConditions.urlContains("/cabinet/meeting.xhtml"));

        // 3. The meeting as it runs: its title, the item under discussion; no vote open, so nothing to sign and no PIN.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("currentItem"), "Luật Chuyển đổi số"));
        assertEquals(title, phone.findElement(By.id("meetingTitle")).getText());
        assertTrue(phone.findElements(By.cssSelector("button.egov-vote-option")).isEmpty(), "no vote open yet");
        assertTrue(phone.findElements(By.id("liveForm:pin")).isEmpty(), "no PIN field while nothing can be signed");
        step(3, "meeting");

        // 4. The secretariat opens the vote: it appears on the phone without reloading, the choices by the PIN.
        HttpResponse<String> opened = postJson(
                "api/v1/cabinet/meetings/" + meeting + "/votes",
                secretary,
                "{\"itemId\":" + item
                        + ",\"question\":\"Thông qua dự án Luật Chuyển đổi số?\",\"remoteAllowed\":true}");
        long vote = idOf(opened);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tally-AGREE"), "Đồng ý: 0"));
        By agree = option("Đồng ý");
        wait.until(ExpectedConditions.visibilityOfElementLocated(agree));
        assertEquals(
                "Thông qua dự án Luật Chuyển đổi số?",
                phone.findElement(By.id("voteQuestion")).getText());
        // The PIN is in the signing box with the choices, right above them; closing the vote is not the member's.
        WebElement sign = phone.findElement(By.id("liveForm:sign"));
        assertEquals(1, sign.findElements(By.id("liveForm:pin")).size());
        assertEquals(
                3, sign.findElements(By.cssSelector("button.egov-vote-option")).size());
        assertTrue(phone.findElements(By.id("liveForm:closeVote")).isEmpty());
        // Remote voting is allowed on this vote: every member may vote, present or not.
        assertEquals(
                String.valueOf(phone.findElements(
                                By.xpath(
                                        "//*[@id='liveForm:participants_data']/tr[td[4][normalize-space(.)='Thành viên Chính phủ']]"))
                        .size()),
                phone.findElement(By.id("eligible")).getText());
        step(4, "vote-open", By.id("liveForm:pin"), agree, option("Không đồng ý"), option("Không biểu quyết"));

        // 5. The member types the PIN and votes: the signed vote is counted, on the phone at once.
        WebElement pin = phone.findElement(By.id("liveForm:pin"));
        pin.clear();
        pin.sendKeys("123456");
        tap(agree);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tally-AGREE"), "Đồng ý: 1"));
        // The live panel may be redrawn again (the vote's own push): read the count from the panel that is there.
        wait.until(ExpectedConditions.textToBe(By.id("voted"), "1"));
        step(5, "voted");

        // The secretariat reads the vote as recorded: the member's ballot, signed remotely, counted and verified.
        JsonObject recorded = ok(get("api/v1/cabinet/votes/" + vote, secretary));
        assertEquals(1, count(recorded, "AGREE"), recorded.toString());
        JsonObject mine = recorded.getJsonArray("ballots").stream()
                .map(JsonValue::asJsonObject)
                .filter(b -> b.getString("username").equals(MEMBER))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the member's ballot is recorded: " + recorded));
        assertEquals("AGREE", mine.getString("option"));
        assertEquals("REMOTE", mine.getString("channel"));
        assertTrue(mine.getBoolean("counted"), mine.toString());
        assertFalse(mine.getString("signature", "").isBlank(), mine.toString());
        JsonObject verification = ok(get("api/v1/cabinet/votes/" + vote + "/verification", secretary));
        assertEquals(1, verification.getInt("checked"), verification.toString());
        assertEquals(1, verification.getInt("valid"), verification.toString());

        // 6. The ballots, from the menu: the secretariat's question waits for the member's answer.
        tap(By.id("navBallots"));
        By ballotLink = By.linkText(question);
        wait.until(ExpectedConditions.visibilityOfElementLocated(ballotLink));
        step(6, "ballots", By.id("navBallots"), ballotLink);
        tap(ballotLink);
        wait.until(ExpectedConditions.urlContains("/cabinet/ballot.xhtml"));

        // 7. The ballot: an option, a remark, the PIN, and the answer signed.
        By other = By.xpath("//*[@id='ballot:option']//label[contains(., 'Ý kiến khác')]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(other));
        step(
                7,
                "ballot",
                other,
                By.cssSelector("[id='ballot:option'] .ui-radiobutton-box"),
                By.id("ballot:text"),
                By.id("ballot:pin"),
                By.id("ballot:answer"));
        tap(other);
        phone.findElement(By.id("ballot:text")).sendKeys("Đề nghị bổ sung quy định về dữ liệu mở");
        phone.findElement(By.id("ballot:pin")).sendKeys("123456");
        tap(By.id("ballot:answer"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("ballot:myAnswer"), "Đề nghị bổ sung quy định về dữ liệu mở"));
        assertTrue(phone.findElements(By.id("ballot:answer")).isEmpty(), "an answered ballot offers no second answer");

        // 8. Answered: the phone shows the member's own signed answer.
        step(8, "answered");

        // The secretariat sees the answer as given, signed, among the ballot's results.
        JsonObject answered = ok(get("api/v1/cabinet/ballots/" + ballot, secretary));
        assertEquals(1, count(answered, "OTHER"), answered.toString());
        JsonObject answer = answered.getJsonArray("answers").stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("username").equals(MEMBER))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the member's answer is recorded: " + answered));
        assertEquals("OTHER", answer.getString("option"));
        assertEquals("Đề nghị bổ sung quy định về dữ liệu mở", answer.getString("text"));
        assertFalse(answer.getString("signature", "").isBlank(), answer.toString());
        assertFalse(
                answered.getJsonArray("nonRespondents").getValuesAs(jakarta.json.JsonString.class).stream()
                        .anyMatch(n -> n.getString().equals(MEMBER_NAME)),
                answered.toString());
    }

    // ------------------------------------------------------------------ the phone

    private static By option(String label) {
        return By.xpath("//button[contains(@class,'egov-vote-option')][normalize-space(.)='" + label + "']");
    }

    /** A finger's tap on the control: scrolled to, on the screen and large enough, then clicked. */
    private void tap(By control) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(control));
        assertTouchable(control.toString(), element);
        element.click();
    }

    /**
     * One step of the member's journey: the page fits the phone's width, each control the step uses is shown on the
     * screen at 24 × 24 px or more (WCAG 2.5.8), and the screenshot is taken.
     */
    private void step(int number, String name, By... controls) throws IOException {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        String where = "step " + number + " (" + name + ")";
        Map<?, ?> widths = (Map<?, ?>) ((JavascriptExecutor) phone).executeScript("""
                        const wide = [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                                && e.checkVisibility({checkVisibilityCSS: true}))
                            .slice(0, 6).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                                + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
                        return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
                                wide: wide.join(', ')};""");
        long scrollWidth = ((Number) widths.get("scrollWidth")).longValue();
        long innerWidth = ((Number) widths.get("innerWidth")).longValue();
        assertEquals(WIDTH, innerWidth, where + ": the page is laid out for the phone's width");
        assertTrue(
                scrollWidth <= WIDTH,
                where + " is " + scrollWidth + " px wide on a " + WIDTH + " px screen; sticking out: "
                        + widths.get("wide"));
        for (By control : controls) {
            assertTouchable(where + ", " + control, phone.findElement(control));
        }
        Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) phone).getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(),
                dir.resolve(System.getProperty("it.database", "db") + "-phone-vote-" + number + "-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Brought into view, the control lies within the screen's width and is at least 24 × 24 px. */
    private void assertTouchable(String what, WebElement element) {
        Map<?, ?> box = (Map<?, ?>) ((JavascriptExecutor) phone).executeScript("""
                        const e = arguments[0];
                        e.scrollIntoView({block: 'center', inline: 'nearest'});
                        const r = e.getBoundingClientRect();
                        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,
                                height: r.height, height2: window.innerHeight,
                                shown: e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})};""", element);
        double left = ((Number) box.get("left")).doubleValue();
        double right = ((Number) box.get("right")).doubleValue();
        double top = ((Number) box.get("top")).doubleValue();
        double bottom = ((Number) box.get("bottom")).doubleValue();
        double width = ((Number) box.get("width")).doubleValue();
        double height = ((Number) box.get("height")).doubleValue();
        assertTrue(Boolean.TRUE.equals(box.get("shown")), what + " is visible");
        assertTrue(
                left >= 0 && right <= WIDTH + 0.5 && top >= 0 && bottom <= HEIGHT + 0.5,
                what + " lies on the screen: " + box);
        assertTrue(
                width >= 24 && height >= 24,
                what + " is at least 24 × 24 px: " + Math.round(width) + " × " + Math.round(height));
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) phone).getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(),
                dir.resolve(System.getProperty("it.database", "db") + "-phone-vote-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static JsonObject ok(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer).asJsonObject();
    }

    private static int count(JsonObject withTally, String option) {
        return withTally.getJsonArray("tally").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("option").equals(option))
                .mapToInt(c -> c.getInt("count"))
                .sum();
    }

    private static long idOf(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        return json(created).asJsonObject().getJsonNumber("id").longValue();
    }
}

package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The intranet in a real headless Chromium: sign in, open the agency directory, search, browse the tree. */
@ExtendWith(ArquillianExtension.class)
class IntranetBrowserIT extends PlatformIT {

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    /** What the page showed when a test failed, before the browser closes: target/screenshots/*-failed-*.png. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            screenshot("failed-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("egov-chromium");
        browser = Browsers.chromium(profile, 1400, 1000);
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

    private void signIn(String username, String password) {
        signIn(browser, username, password);
    }

    private static void signIn(WebDriver browser, String username, String password) {
        // After a refused attempt the page keeps the typed username: type over it, as a person would.
        WebElement name = browser.findElement(By.id("login:username"));
        name.clear();
        name.sendKeys(username);
        WebElement secret = browser.findElement(By.id("login:password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
    }

    private void screenshot(String name) throws IOException {
        screenshot(browser, name);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(),
                dir.resolve(System.getProperty("it.database", "db") + "-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void clerkSignsInAndBrowsesTheAgencyDirectory() throws IOException {
        browser.get(base() + "directory/agencies.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));

        browser.findElement(By.id("login:submit")).click();
        // Read again at every poll: the reloaded form replaces the message element (a reference taken
        // before it was replaced fails with "node does not belong to the document").
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("login:messages"), "Vui lòng nhập tên đăng nhập."));

        signIn("clerk.h41", "wrong");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("login:messages"), "Tên đăng nhập hoặc mật khẩu không đúng."));

        signIn("clerk.h41", DEMO_SECRET);
        wait.until(ExpectedConditions.urlContains("/directory/agencies.xhtml"));
        assertEquals("Phan Văn Thư", browser.findElement(By.id("signedInName")).getText());
        assertEquals(
                "Ủy ban nhân dân tỉnh Nghệ An",
                browser.findElement(By.id("signedInAgency")).getText());

        WebElement query = browser.findElement(By.id("directory:query"));
        query.clear();
        query.sendKeys("vinh");
        browser.findElement(By.id("directory:search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("directory:results"), "000.00.20.H41"));
        assertTrue(
                browser.findElement(By.id("directory:results")).getText().contains("Ủy ban nhân dân thành phố Vinh"));

        WebElement province = wait.until(
                ExpectedConditions.elementToBeClickable(
                        By.xpath(
                                "//*[@id='directory:tree']//li[.//span[text()='000.00.00.H41']]//span[contains(@class,'ui-tree-toggler')]")));
        province.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("directory:tree"), "000.00.20.H41"));
        WebElement city = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[@id='directory:tree']//li[.//span[text()='000.00.20.H41']][not(.//span[text()='000.00.00.H41'])]"
                        + "//span[contains(@class,'ui-tree-toggler')]")));
        city.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("directory:tree"), "Ủy ban nhân dân phường Hưng Dũng"));
        screenshot("directory");

        browser.get(base() + "admin/audit.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("errorStatus")));
        assertEquals("HTTP 403", browser.findElement(By.id("errorStatus")).getText(), "a clerk is no administrator");
    }

    @Test
    void systemAdministratorSeesRefusedSignInsInTheSecurityLogInEnglish() throws IOException {
        browser.get(base() + "login.xhtml");
        browser.findElement(By.id("login:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:submit"), "Sign in"));
        signIn("nobody-of-this-name", "guess");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("login:messages"), "Wrong username or password."));

        signIn("sysadmin", DEMO_SECRET);
        wait.until(ExpectedConditions.urlContains("/index.xhtml"));
        browser.findElement(By.id("navAudit")).click();
        wait.until(ExpectedConditions.urlContains("/admin/audit.xhtml"));
        String log = browser.findElement(By.id("audit:events")).getText();
        // Events in words, in the page's language; the account names a security log needs, as recorded.
        assertTrue(log.contains("Sign-in failed") && log.contains("nobody-of-this-name"), log);
        assertTrue(log.contains("Signed in") && log.contains("No such account"), log);
        assertFalse(log.contains("LOGIN_SUCCEEDED") || log.contains("0:0:0:0:0:0:0:1"), log);
        screenshot("audit");

        browser.findElement(By.id("shell:signOut")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.get(base() + "index.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    @Test
    void clerkSendsADocumentAndAnotherAgencysClerkAcceptsIt() throws IOException {
        String number = Long.toString(System.currentTimeMillis() % 1_000_000);
        String subject = "V/v chuẩn bị phiên họp tháng " + number;
        browser.get(base() + "exchange/compose.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        signIn("clerk.h41", DEMO_SECRET);
        wait.until(ExpectedConditions.urlContains("/exchange/compose.xhtml"));

        browser.findElement(By.id("compose:send")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:messages")));
        assertTrue(refused.getText().contains("Vui lòng nhập trích yếu."), refused.getText());

        browser.findElement(By.id("compose:number")).sendKeys(number);
        browser.findElement(By.id("compose:notation")).sendKeys("UBND-VP");
        browser.findElement(By.id("compose:subject")).sendKeys(subject);
        // The agency tree: the Government Office among the ministries; its own label, not a child's.
        browser.findElement(By.xpath("//*[@id='compose:recipients']//span[contains(@class,'ui-treenode-label')]"
                        + "[contains(., '000.00.00.G22')]/ancestor::div[contains(@class,'ui-treenode-content')][1]"
                        + "//div[contains(@class,'ui-chkbox-box')]"))
                .click();
        Browsers.choose(browser, wait, "compose:urgency", "Thượng khẩn");
        // The attachments field in its place: in the row its label starts, not slid into another row's last cell.
        assertEquals(
                1,
                browser.findElements(By.xpath("//table[contains(@class,'egov-form')]/tbody/tr[td[1]//label[contains(.,"
                                + " 'Tệp đính kèm')]]/td[2]//*[@id='compose:file']"))
                        .size());
        // Two files chosen at once: each listed with its name and size; one taken off again before sending.
        Path pdf = Files.createTempFile("bao-cao", ".pdf");
        Files.writeString(pdf, "%PDF-1.7 báo cáo phiên họp");
        Path draft = Files.createTempFile("du-thao", ".docx");
        Files.write(draft, new byte[1536]);
        browser.findElement(By.cssSelector("#compose input[type=file]"))
                .sendKeys(pdf.toString() + "\n" + draft.toString());
        String pdfName = pdf.getFileName().toString();
        String draftName = draft.getFileName().toString();
        // Each file's upload redraws the list: wait for both entries as they stand, reading them afresh.
        By listedPdf = By.cssSelector("#fileList li[data-name='" + pdfName + "']");
        By listedDraft = By.cssSelector("#fileList li[data-name='" + draftName + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(listedPdf, Files.size(pdf) + " B"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(listedPdf, pdfName));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(listedDraft, "1,5 KB"));
        screenshot("exchange-compose");
        wait.until(d -> {
            try {
                d.findElement(listedDraft)
                        .findElement(By.cssSelector("button.egov-file-remove"))
                        .click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#fileList li"), 1));
        browser.findElement(By.id("compose:send")).click();
        wait.until(ExpectedConditions.urlContains("/exchange/document.xhtml"));
        assertEquals(
                List.of(pdfName),
                browser.findElements(By.cssSelector("[id='doc:body'] a[href*='attachment']")).stream()
                        .map(WebElement::getText)
                        .toList());
        assertEquals("Thượng khẩn", browser.findElement(By.id("doc:urgency")).getText());
        assertEquals(
                number + "/UBND-VP", browser.findElement(By.id("doc:notation")).getText());
        assertTrue(
                browser.findElement(By.id("doc:signature")).getText().startsWith("Hợp lệ"),
                browser.findElement(By.id("doc:signature")).getText());
        assertTrue(browser.findElement(By.id("doc:trace")).getText().contains("Đã gửi, chưa nhận"));
        browser.findElement(By.id("shell:signOut")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));

        browser.get(base() + "exchange/inbox.xhtml");
        signIn("clerk.g22", DEMO_SECRET);
        wait.until(ExpectedConditions.urlContains("/exchange/inbox.xhtml"));
        // The sender filter: Nghệ An's provincial committee, found by typing part of its name.
        Browsers.pickAgency(
                browser, wait, "inbox:sender", "nhân dân tỉnh Nghệ", "Ủy ban nhân dân tỉnh Nghệ An (000.00.00.H41)");
        WebElement unfiltered = browser.findElement(By.id("inbox:items"));
        browser.findElement(By.id("inbox:search")).click();
        wait.until(ExpectedConditions.stalenessOf(unfiltered)); // the list as filtered replaces the first one
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[@id='inbox:items']//tr[contains(., '" + subject + "')]")));
        // Said from the recipient's side, not the sender's; new and urgent stand out, the urgency in words.
        assertFalse(row.getText().contains("Đã gửi, chưa nhận"), row.getText());
        assertTrue(row.getText().contains("Mới đến, chưa mở"), row.getText());
        assertTrue(
                Integer.parseInt(row.findElement(By.tagName("td")).getCssValue("font-weight")) >= 700,
                "an unopened document is in bold");
        assertEquals(
                "Thượng khẩn",
                row.findElement(By.cssSelector(".egov-badge.egov-urgency")).getText());
        screenshot("exchange-inbox-new");
        row.findElement(By.linkText(number + "/UBND-VP")).click();
        wait.until(ExpectedConditions.urlContains("/exchange/document.xhtml"));
        assertEquals(subject, browser.findElement(By.id("doc:subject")).getText());
        browser.findElement(By.id("doc:accept")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("doc:trace"), "Đã tiếp nhận, vào sổ"));
        screenshot("exchange-accepted");

        // Chuyển xử lý: the clerk forwards it to a specialist, who finds it in their own list.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("doc:assignee")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[@id='doc:assignee_items']/li[contains(., 'Phạm Minh Chuyên')]")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("doc:assignee_panel")));
        browser.findElement(By.id("doc:assign")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("doc:assignedTo"), "Phạm Minh Chuyên"));
        assertTrue(
                browser.findElement(By.id("doc:trace")).getText().contains("Đã phân công"),
                browser.findElement(By.id("doc:trace")).getText());
        browser.findElement(By.id("shell:signOut")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.get(base() + "exchange/inbox.xhtml");
        signIn("specialist.g22", DEMO_SECRET);
        wait.until(ExpectedConditions.urlContains("/exchange/inbox.xhtml"));
        assertTrue(
                browser.findElement(By.id("inbox:mine_input")).isSelected(), "a specialist starts from their own list");
        WebElement mine = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[@id='inbox:items']//tr[contains(., '" + subject + "')]")));
        assertTrue(mine.getText().contains("Đã phân công"), mine.getText());
        Files.deleteIfExists(pdf);
        Files.deleteIfExists(draft);
    }

    @Test
    void twoMembersVoteInTheirOwnBrowsersAndBothSeeTheTallyLive() throws Exception {
        // Prepared through the API: the secretariat's meeting, started by the chair, two members present.
        String secretary = person("secretary.g22");
        long meeting = idOf(postJson("api/v1/cabinet/meetings", secretary, """
                {"kind":"THEMATIC","title":"Phiên họp chuyên đề xây dựng pháp luật","startsAt":"%s",
                 "place":"Văn phòng Chính phủ","chair":"member.tt"}""".formatted(inVietnam(0, 8))));
        long item = idOf(postJson(
                "api/v1/cabinet/meetings/" + meeting + "/items",
                secretary,
                "{\"title\":\"Dự án Luật Dữ liệu (sửa đổi)\",\"presenter\":\"000.00.00.G01\"}"));
        assertEquals(
                200,
                postJson("api/v1/cabinet/meetings/" + meeting + "/status", secretary, "{\"status\":\"CONVENED\"}")
                        .statusCode());
        assertEquals(
                200,
                postJson(
                                "api/v1/cabinet/meetings/" + meeting + "/status",
                                person("member.tt"),
                                "{\"status\":\"IN_PROGRESS\"}")
                        .statusCode());
        for (String member : new String[] {"member.g09", "member.g02"}) {
            assertEquals(
                    204,
                    send(java.net.http.HttpRequest.newBuilder(
                                            uri("api/v1/cabinet/meetings/" + meeting + "/attendance/" + member))
                                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                            "{\"attendance\":\"PRESENT\"}"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + secretary))
                            .statusCode());
        }

        Path secondProfile = Files.createTempDirectory("egov-chromium");
        WebDriver second = Browsers.chromium(secondProfile, 1400, 1000);
        try {
            WebDriverWait secondWait = new WebDriverWait(second, PATIENCE);
            String page = base() + "cabinet/meeting.xhtml?id=" + meeting;
            browser.get(page);
            signIn("member.g09", DEMO_SECRET);
            second.get(page);
            signIn(second, "member.g02", DEMO_SECRET);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meetingTitle"), "chuyên đề"));
            secondWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("currentItem"), "Luật Dữ liệu"));
            assertTrue(browser.findElements(By.id("liveForm:pin")).isEmpty(), "no vote open: nothing to sign, no PIN");
            // The members by protocol: the Prime Minister first, named by office and as the chair.
            WebElement first = browser.findElement(By.cssSelector("[id='liveForm:participants_data'] tr"));
            assertTrue(first.getText().contains("Trương Quốc Thái"), first.getText());
            assertTrue(first.getText().contains("Chủ trì"), first.getText());
            assertTrue(first.getText().contains("Thủ tướng Chính phủ"), first.getText());

            // The chair opens the vote: both screens show it without reloading.
            assertEquals(
                    201,
                    postJson(
                                    "api/v1/cabinet/meetings/" + meeting + "/votes",
                                    person("member.tt"),
                                    "{\"itemId\":" + item + ",\"question\":\"Thông qua hồ sơ dự án Luật?\"}")
                            .statusCode());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tally-AGREE"), "Đồng ý: 0"));
            secondWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tally-AGREE"), "Đồng ý: 0"));
            // Only the two members present may vote (no remote voting on this vote), not all 30.
            assertEquals("2", browser.findElement(By.id("eligible")).getText());
            // The PIN sits with the choices; closing the vote is the chair's, not offered to a member.
            WebElement sign = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liveForm:sign")));
            assertEquals(
                    3,
                    sign.findElements(By.cssSelector("button.egov-vote-option")).size());
            assertEquals(1, sign.findElements(By.id("liveForm:pin")).size());
            assertTrue(browser.findElements(By.id("liveForm:closeVote")).isEmpty());

            castVote(browser, wait, "Đồng ý");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tally-AGREE"), "Đồng ý: 1"));
            secondWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tally-AGREE"), "Đồng ý: 1"));

            castVote(second, secondWait, "Không đồng ý");
            secondWait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("tally-DISAGREE"), "Không đồng ý: 1"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tally-DISAGREE"), "Không đồng ý: 1"));
            assertEquals("2", browser.findElement(By.id("voted")).getText());
            screenshot(browser, "cabinet-vote-member-1");
            screenshot(second, "cabinet-vote-member-2");
        } finally {
            second.quit();
            try (var files = Files.walk(secondProfile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @Test
    void memberAnswersAnOpinionBallotWithTheirPinAndTheSecretarySeesIt() throws IOException {
        long ballot = idOf(postJson(
                "api/v1/cabinet/ballots",
                person("secretary.g22"),
                "{\"question\":\"Xin ý kiến về dự thảo Nghị quyết chuyên đề\",\"deadline\":\"" + inVietnam(2, 17)
                        + "\"}"));
        browser.get(base() + "cabinet/ballots.xhtml");
        signIn("member.g18", DEMO_SECRET);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Xin ý kiến về dự thảo Nghị quyết chuyên đề")))
                .click();
        wait.until(ExpectedConditions.urlContains("/cabinet/ballot.xhtml"));
        browser.findElement(By.xpath("//*[@id='ballot:option']//label[contains(., 'Ý kiến khác')]"))
                .click();
        browser.findElement(By.id("ballot:text")).sendKeys("Đề nghị bổ sung Điều 3");
        browser.findElement(By.id("ballot:pin")).sendKeys("000000");
        browser.findElement(By.id("ballot:answer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ballot:messages"), "Mã PIN không đúng"));
        browser.findElement(By.id("ballot:pin")).sendKeys("123456");
        browser.findElement(By.id("ballot:answer")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("ballot:myAnswer"), "Đề nghị bổ sung Điều 3"));
        screenshot("cabinet-ballot-answered");

        // The secretariat follows the answers as they come.
        browser.findElement(By.id("shell:signOut")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.get(base() + "cabinet/ballot.xhtml?id=" + ballot);
        signIn("secretary.g22", DEMO_SECRET);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tally-OTHER"), "Ý kiến khác: 1"));
        assertTrue(
                browser.findElement(By.id("nonRespondents")).getText().contains("(29)"),
                browser.findElement(By.id("nonRespondents")).getText());
    }

    @Test
    void memberRegistersTheCertificateOfTheirOwnDeviceInTheIntranet() throws Exception {
        String member = "member.g08";
        java.security.KeyPair device = MemberDevice.rsa();
        java.net.http.HttpResponse<String> issued =
                send(java.net.http.HttpRequest.newBuilder(uri("api/v1/cabinet/demo-ca/certificates"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                MemberDevice.certificateRequest(member, device)))
                        .header("Content-Type", "application/pkcs10")
                        .header("Authorization", "Bearer " + person(member)));
        assertEquals(201, issued.statusCode(), issued.body());

        browser.get(base() + "cabinet/certificate.xhtml");
        signIn(member, DEMO_SECRET);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("certificate:registerCertificate")));
        paste(
                "certificate:pem",
                MemberDevice.homeMadeCertificate(
                        "CN=" + member,
                        device,
                        java.time.Instant.now().minusSeconds(3600),
                        java.time.Instant.now().plusSeconds(86400 * 30)));
        browser.findElement(By.id("certificate:registerCertificate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("certificate:messages"), "Chứng thư số không do tổ chức chứng thực được tin cậy cấp."));

        paste("certificate:pem", issued.body());
        browser.findElement(By.id("certificate:registerCertificate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("certificate:messages"), "Đã đăng ký chứng thư số."));
        assertTrue(browser.findElement(By.id("certificate:subject")).getText().contains("CN=" + member));
        assertTrue(browser.findElement(By.id("certificate:issuer")).getText().contains("Demo CA"));
        assertEquals(
                "Ký trên thiết bị của thành viên",
                browser.findElement(By.id("certificate:signing")).getText());
        screenshot("cabinet-certificate-registered");
    }

    /** Puts a long text (a PEM certificate) into a text area at once, as a paste does. */
    private void paste(String id, String text) {
        WebElement area = browser.findElement(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", area, text);
    }

    @Test
    void memberCommentsOnADraftOfTheDossier() throws IOException {
        String secretary = person("secretary.g22");
        long meeting = idOf(postJson("api/v1/cabinet/meetings", secretary, """
                {"kind":"REGULAR","title":"Phiên họp thường kỳ","startsAt":"%s","chair":"member.tt"}""".formatted(inVietnam(7, 8))));
        long item = idOf(postJson(
                "api/v1/cabinet/meetings/" + meeting + "/items",
                secretary,
                "{\"title\":\"Nghị định thí điểm\",\"presenter\":\"000.00.00.G06\"}"));
        long draft = idOf(postJson(
                "api/v1/cabinet/items/" + item + "/documents",
                secretary,
                "{\"kind\":\"DRAFT\",\"title\":\"Dự thảo Nghị định thí điểm\",\"fileName\":\"du-thao.txt\","
                        + "\"content\":\""
                        + java.util.Base64.getEncoder()
                                .encodeToString(
                                        "Điều 2. Đối tượng áp dụng".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        + "\"}"));
        browser.get(base() + "cabinet/document.xhtml?id=" + draft);
        signIn("member.g05", DEMO_SECRET);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("documentTitle"), "Dự thảo Nghị định thí điểm"));
        browser.findElement(By.id("comments:section")).sendKeys("Điều 2");
        browser.findElement(By.id("comments:text")).sendKeys("Đề nghị làm rõ đối tượng áp dụng");
        browser.findElement(By.id("comments:send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("comments:list"), "Đề nghị làm rõ đối tượng áp dụng"));
        assertTrue(browser.findElement(By.id("comments:list")).getText().contains("Nguyễn Thị Diệu"));
        screenshot("cabinet-draft-comment");
    }

    @Test
    void secretaryPreparesAndConvenesAMeetingInTheIntranet() throws IOException {
        // Two weeks from today at 08:00, Vietnam time, as the secretariat plans: never a date that passes.
        String startsAt = DAY_AND_TIME.format(inVietnam(14, 8));
        browser.get(base() + "cabinet/meetings.xhtml");
        signIn("secretary.g22", DEMO_SECRET);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:title")))
                .sendKeys("Hội nghị Chính phủ với địa phương");

        // The calendar does not open when the field takes focus (it would cover the form and hold the Tab key):
        // it opens from its button, and Escape closes it again.
        WebElement time = browser.findElement(By.id("create:startsAt_input"));
        time.click();
        assertCalendarClosed("create:startsAt");
        browser.findElement(By.cssSelector("[id='create:startsAt'] .ui-datepicker-trigger"))
                .click();
        WebElement calendar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:startsAt_panel")));
        // Open, it holds the keyboard's focus (a dialog), so a keyboard user goes on from there.
        wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].contains(document.activeElement)", calendar));
        new org.openqa.selenium.interactions.Actions(browser)
                .sendKeys(Keys.ESCAPE)
                .perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("create:startsAt_panel")));

        // Typed as a person types it, then on to the next field with Tab: nothing pops up in the way.
        time.sendKeys(startsAt);
        time.sendKeys(Keys.TAB);
        assertCalendarClosed("create:startsAt");
        browser.findElement(By.id("create:place")).sendKeys("Hội trường Văn phòng Chính phủ");
        browser.findElement(By.id("create:title")).click();
        browser.findElement(By.id("create:createMeeting")).click();
        wait.until(ExpectedConditions.urlContains("/cabinet/meeting.xhtml"));
        assertEquals(
                "Hội nghị Chính phủ với địa phương",
                browser.findElement(By.id("meetingTitle")).getText());
        assertTrue(
                browser.findElement(By.id("head")).getText().contains(startsAt),
                startsAt + " in " + browser.findElement(By.id("head")).getText());

        // Convening needs an agenda: refused first, then an item is added and it is convened.
        browser.findElement(By.id("head:convene")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("liveForm:messages"), "chương trình"));
        browser.findElement(By.id("items:itemTitle")).sendKeys("Tình hình thực hiện Nghị quyết năm " + yearsAgo(0));
        // The presenter is chosen from the agency directory by its name, not typed as a code.
        Browsers.pickAgency(browser, wait, "items:itemPresenter", "Kế hoạch", "Bộ Kế hoạch và Đầu tư (000.00.00.G05)");
        browser.findElement(By.id("items:addItem")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("liveForm:agenda"), "Tình hình thực hiện"));
        browser.findElement(By.id("head:convene")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("head:status"), "Đã triệu tập"));
        assertTrue(
                browser.findElement(By.id("liveForm:messages")).getText().contains("Đã triệu tập phiên họp"),
                "convening says so: "
                        + browser.findElement(By.id("liveForm:messages")).getText());
        screenshot("cabinet-meeting-convened");

        // The secretary attaches the submission to the item from the page (not only through the API).
        Path submission = Files.createTempFile("to-trinh", ".txt");
        try {
            Files.writeString(submission, "Tờ trình về tình hình thực hiện Nghị quyết");
            browser.findElement(By.id("dossier:documentTitle")).sendKeys("Tờ trình tình hình thực hiện Nghị quyết");
            browser.findElement(By.id("dossier:documentFile"))
                    .sendKeys(submission.toAbsolutePath().toString());
            browser.findElement(By.id("dossier:attachDocument")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("liveForm:messages"), "Đã đính kèm tài liệu"));
        } finally {
            Files.deleteIfExists(submission);
        }
        String agenda = browser.findElement(By.id("liveForm:agenda")).getText();
        assertTrue(agenda.contains("Tờ trình tình hình thực hiện Nghị quyết (Tờ trình, v1"), agenda);

        // Starting and closing say so too; nobody is present yet, and no vote is open: no PIN to type.
        browser.findElement(By.id("head:start")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("head:status"), "Đang họp"));
        assertTrue(browser.findElement(By.id("liveForm:messages")).getText().contains("Đã khai mạc phiên họp."));
        assertTrue(browser.findElements(By.id("liveForm:pin")).isEmpty(), "nothing to sign, no PIN field");
        browser.findElement(By.id("head:close")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("head:status"), "Đã bế mạc"));
        assertTrue(browser.findElement(By.id("liveForm:messages")).getText().contains("Đã bế mạc phiên họp"));

        // The meetings list: newest first, and searched by words typed without diacritics.
        browser.get(base() + "cabinet/meetings.xhtml");
        List<java.time.LocalDateTime> times =
                browser.findElements(By.cssSelector("[id='list:meetings'] tbody tr td:first-child")).stream()
                        .map(WebElement::getText)
                        .map(t -> java.time.LocalDateTime.parse(t.strip(), DAY_AND_TIME))
                        .toList();
        assertTrue(times.size() >= 2, "the suite's meetings are listed: " + times);
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isAfter(times.get(i - 1)), "newest first: " + times);
        }
        browser.findElement(By.id("list:search")).sendKeys("hoi nghi chinh phu voi dia phuong");
        browser.findElement(By.id("list:searchAction")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:messages"), "Tìm thấy"));
        List<WebElement> found = browser.findElements(By.cssSelector("[id='list:meetings'] a.egov-meeting-link"));
        assertFalse(found.isEmpty());
        for (WebElement title : found) {
            assertEquals("Hội nghị Chính phủ với địa phương", title.getText());
        }
        screenshot("cabinet-meetings-searched");
    }

    /** A date picker's calendar is not on the screen (the page may not have drawn it at all yet). */
    private void assertCalendarClosed(String picker) {
        List<WebElement> panels = browser.findElements(By.id(picker + "_panel"));
        assertTrue(panels.isEmpty() || !panels.get(0).isDisplayed(), "the calendar of " + picker + " stays closed");
    }

    @Test
    void reporterUploadsExcelFixesAnErrorSubmitsAndTheAnalystSeesItOnTheDashboard() throws Exception {
        // June of last year: past its deadline on any day, and no demo figure (this year's months) is there.
        String month = yearsAgo(1) + "-06";
        browser.get(base() + "reporting/submit.xhtml");
        signIn("reporter.h41", DEMO_SECRET);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("form:regime")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[@id='form:regime_items']/li[contains(., 'BC-KTXH-THANG')]")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("form:regime_panel")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form:agency"), "Nghệ An"));
        // The regime is monthly, so the period is one of its months, in words.
        Browsers.choose(browser, wait, "form:period", "Tháng 6/" + yearsAgo(1));
        browser.findElement(By.id("form:open")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:values")));

        // The template as the reporter downloads it, filled in Excel: the parts do not add up to the total.
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        java.net.http.HttpResponse<byte[]> template = HTTP.send(
                java.net.http.HttpRequest.newBuilder(uri("reporting/files/template/BC-KTXH-THANG.xlsx"))
                        .header("Cookie", "JSESSIONID=" + session)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, template.statusCode());
        Path filled = Files.createTempFile("bao-cao-", ".xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(template.body()));
                var out = Files.newOutputStream(filled)) {
            var sheet = workbook.getSheetAt(0);
            java.util.Map<String, Double> values = java.util.Map.of(
                    "RETAIL_GOODS", 700.0, "RETAIL_SERVICES", 300.0, "RETAIL_TOTAL", 900.0, "BUDGET_REVENUE", 1500.0);
            for (var row : sheet) {
                var code = row.getCell(0);
                if (code != null
                        && values.containsKey(code.toString())
                        && (row.getCell(3) == null || row.getCell(3).toString().isBlank())) {
                    (row.getCell(4) == null ? row.createCell(4) : row.getCell(4))
                            .setCellValue(values.get(code.toString()));
                }
            }
            workbook.write(out);
        }
        browser.findElement(By.id("form:file")).sendKeys(filled.toAbsolutePath().toString());
        browser.findElement(By.id("form:uploadCheck")).click();
        WebElement problems = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:problems")));
        assertTrue(
                problems.getText().contains("E3")
                        && problems.getText().contains("Các chỉ tiêu thành phần cộng lại không bằng chỉ tiêu tổng."),
                problems.getText());
        screenshot("reporting-upload-problems");

        WebElement total = browser.findElement(By.cssSelector("input[data-key='RETAIL_TOTAL/TOTAL']"));
        assertEquals("900", total.getAttribute("value"));
        total.clear();
        total.sendKeys("1000");
        // Figures in the Vietnamese way (1.250,5) or with a decimal point (1250.5); what could be either is refused.
        WebElement budget = browser.findElement(By.cssSelector("input[data-key='BUDGET_REVENUE/TOTAL']"));
        budget.clear();
        budget.sendKeys("1,250.5");
        browser.findElement(By.id("form:check")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form:messages"), "không phải là một số"));
        budget = browser.findElement(By.cssSelector("input[data-key='BUDGET_REVENUE/TOTAL']"));
        assertEquals("1,250.5", budget.getAttribute("value"), "the refused figure stays for the reporter to correct");
        budget.clear();
        budget.sendKeys("1250.5");
        browser.findElement(By.id("form:send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đã gửi"));
        Files.deleteIfExists(filled);
        // Submitted: read-only, the figures as Vietnamese write them, no check/draft/send left, a status line instead.
        budget = browser.findElement(By.cssSelector("input[data-key='BUDGET_REVENUE/TOTAL']"));
        assertEquals("1.250,5", budget.getAttribute("value"));
        assertFalse(budget.isEnabled(), "a submitted report's values cannot be changed");
        for (String button : List.of("form:check", "form:draft", "form:send", "form:uploadCheck")) {
            assertTrue(browser.findElements(By.id(button)).isEmpty(), button + " is gone once the report is submitted");
        }
        assertTrue(
                browser.findElement(By.id("form:readOnly")).getText().contains("không sửa được"),
                browser.findElement(By.id("form:readOnly")).getText());
        screenshot("reporting-submitted");

        browser.findElement(By.id("shell:signOut")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.get(base() + "reporting/reports.xhtml");
        signIn("analyst.g22", DEMO_SECRET);
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@id='reports:list']//tr[contains(., 'Tháng 6/" + yearsAgo(1) + "') and contains(., 'Nghệ An')]")));
        row.findElement(By.cssSelector("button.egov-approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reports:messages"), "Đã duyệt"));

        browser.get(base() + "reporting/dashboard.xhtml?indicator=RETAIL_TOTAL&period=" + month);
        WebElement bar = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#comparison .egov-bar-row[data-agency='000.00.00.H41']")));
        assertEquals(
                0,
                new java.math.BigDecimal("1000").compareTo(new java.math.BigDecimal(bar.getAttribute("data-value"))),
                bar.getAttribute("data-value"));
        assertEquals("1.000", browser.findElement(By.id("dash:value")).getText());
        assertTrue(
                browser.findElement(By.id("dash:overview")).getText().contains("Thu ngân sách nhà nước trên địa bàn"),
                browser.findElement(By.id("dash:overview")).getText());
        // The province chosen by typing part of its name; the figures shown the Vietnamese way.
        Browsers.pickAgency(browser, wait, "dash:agency", "tỉnh Nghệ", "Ủy ban nhân dân tỉnh Nghệ An (000.00.00.H41)");
        browser.findElement(By.id("dash:show")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("headline"), "Ủy ban nhân dân tỉnh Nghệ An"));
        assertTrue(
                browser.findElement(By.id("headline")).getText().endsWith("Tháng 6/" + yearsAgo(1)),
                browser.findElement(By.id("headline")).getText());
        assertEquals("1.000", browser.findElement(By.id("dash:value")).getText());
        WebElement budgetRow = browser.findElement(
                By.xpath("//*[@id='dash:overview']//tr[contains(., 'Thu ngân sách nhà nước trên địa bàn')]"));
        assertTrue(budgetRow.getText().contains("1.250,5"), budgetRow.getText());
        screenshot("reporting-dashboard");

        // The same figures exported, as Excel and as CSV, with the analyst's session.
        String analystSession = browser.manage().getCookieNamed("JSESSIONID").getValue();
        java.net.http.HttpResponse<byte[]> xlsx = HTTP.send(
                java.net.http.HttpRequest.newBuilder(
                                uri("reporting/files/export.xlsx?indicator=RETAIL_TOTAL&period=" + month))
                        .header("Cookie", "JSESSIONID=" + analystSession)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            boolean found = false;
            for (var line : workbook.getSheetAt(0)) {
                if (line.getCell(2) != null
                        && "000.00.00.H41".equals(line.getCell(2).getStringCellValue())) {
                    assertEquals(1000.0, line.getCell(4).getNumericCellValue(), 0.001);
                    found = true;
                }
            }
            assertTrue(found, "Nghệ An is in the exported sheet");
        }
        java.net.http.HttpResponse<String> csv = HTTP.send(
                java.net.http.HttpRequest.newBuilder(
                                uri("reporting/files/export.csv?indicator=RETAIL_TOTAL&period=" + month))
                        .header("Cookie", "JSESSIONID=" + analystSession)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(csv.body().contains("000.00.00.H41"), csv.body());
    }

    private static long idOf(java.net.http.HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        return json(created).asJsonObject().getJsonNumber("id").longValue();
    }

    /** Types the demo PIN and presses the option's button, as a member does on their screen. */
    private static void castVote(WebDriver browser, WebDriverWait wait, String label) {
        WebElement pin = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liveForm:pin")));
        pin.clear();
        pin.sendKeys("123456");
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//button[contains(@class,'egov-vote-option')][normalize-space(.)='" + label + "']")))
                .click();
    }
}

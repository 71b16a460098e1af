package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Online dossiers in a real headless Chromium: the ward's one-stop officer handles a dossier in the intranet
 * ({@code /onestop/}), and anyone looks it up on the portal ({@code /portal/lookup.xhtml}). The dossier is
 * submitted through the citizens' API with a token of the suite's Keycloak ({@link KeycloakCitizens}). The
 * citizen's own pages are driven after a real sign-in through the suite's Keycloak ({@code citizen.an}).
 */
@ExtendWith(ArquillianExtension.class)
class PortalDossierBrowserIT extends PlatformIT {

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(
                    shot.toPath(),
                    dir.resolve(System.getProperty("it.database", "db") + "-failed-"
                            + context.getRequiredTestMethod().getName() + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
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

    private String submitBirthRegistration() {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        String body = Json.createObjectBuilder()
                .add("procedureCode", "1.001193")
                .add("agencyCode", "000.01.20.H41")
                .add("delivery", 0)
                .add(
                        "files",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("componentCode", "TK-KS")
                                        .add("fileName", "to-khai.pdf")
                                        .add("contentType", "application/pdf")
                                        .add("content", pdf))
                                .add(Json.createObjectBuilder()
                                        .add("componentCode", "GCS")
                                        .add("fileName", "giay-chung-sinh.pdf")
                                        .add("contentType", "application/pdf")
                                        .add("content", pdf)))
                .build()
                .toString();
        HttpResponse<String> created = postJson("api/v1/portal/me/dossiers", KeycloakCitizens.an(), body);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).asJsonObject().getString("code");
    }

    @Test
    void theWardsOfficerAcceptsADossierInTheIntranetAndAnyoneSeesItOnThePortal() {
        String code = submitBirthRegistration();

        browser.get(base() + "onestop/dossiers.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.findElement(By.id("login:username")).sendKeys("onestop.hungdung");
        browser.findElement(By.id("login:password")).sendKeys(DEMO_SECRET);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.urlContains("/onestop/dossiers.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossiers:list"), code));
        browser.findElement(By.linkText(code)).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier:code"), code));
        assertEquals("Mới đăng ký", browser.findElement(By.id("dossier:status")).getText());
        WebElement note = browser.findElement(By.id("dossier:content"));
        note.sendKeys("Hồ sơ đầy đủ, hợp lệ");
        browser.findElement(By.id("dossier:accept")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier:status"), "Được tiếp nhận"));
        String timeline = browser.findElement(By.id("dossier:steps")).getText();
        assertTrue(timeline.contains("Cán bộ một cửa") && timeline.contains("Hồ sơ đầy đủ, hợp lệ"), timeline);
        // The next move is offered; the one already made is not.
        assertTrue(browser.findElements(By.id("dossier:accept")).isEmpty());
        assertTrue(!browser.findElements(By.id("dossier:process")).isEmpty());

        // Tra cứu hồ sơ on the portal, no sign-in: the status, without personal data.
        browser.get(base() + "portal/lookup.xhtml");
        browser.findElement(By.id("lookup:code")).sendKeys(code);
        browser.findElement(By.id("lookup:contact")).sendKeys("0900000000");
        browser.findElement(By.id("lookup:search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Không tìm thấy hồ sơ"));
        browser.findElement(By.id("lookup:contact")).clear();
        browser.findElement(By.id("lookup:contact")).sendKeys("0912345678");
        browser.findElement(By.id("lookup:search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultStatus"), "Được tiếp nhận"));
        assertEquals(code, browser.findElement(By.id("resultCode")).getText());
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(!page.contains("Nguyễn Văn An") && !page.contains("001088001234"), page);
    }

    @Test
    void aCitizenSignedInThroughKeycloakSubmitsOnThePortalAndSeesTheOfficersStepAtOnce() throws IOException {
        Path declaration = Files.createTempFile("to-khai", ".pdf");
        Path certificate = Files.createTempFile("giay-chung-sinh", ".pdf");
        Files.write(declaration, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(certificate, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        try {
            browser.get(base() + "portal/dossiers/new.xhtml?procedure=1.001193");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys("citizen.an");
            browser.findElement(By.id("password")).sendKeys(DEMO_SECRET);
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("procedureName"), "khai sinh"));
            assertTrue(browser.getTitle().startsWith("Nộp hồ sơ trực tuyến"), browser.getTitle());

            new Select(browser.findElement(By.id("dossier:agency"))).selectByValue("000.01.20.H41");
            browser.findElement(By.id("dossier:summary")).sendKeys("Đăng ký khai sinh cho con");
            browser.findElement(By.id("dossier:phone")).sendKeys("0912345678");
            var inputs = browser.findElements(By.cssSelector("input[type=file]"));
            assertEquals(2, inputs.size());
            inputs.get(0).sendKeys(declaration.toString());
            inputs.get(1).sendKeys(certificate.toString());
            browser.findElement(By.id("dossier:submit")).click();

            wait.until(ExpectedConditions.urlContains("/portal/dossiers/dossier.xhtml"));
            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")))
                    .getText();
            assertTrue(code.startsWith("000.01.20.H41-"), code);
            assertEquals("Mới đăng ký", browser.findElement(By.id("status")).getText());
            assertTrue(browser.findElement(By.id("timeline")).getText().contains("Nộp hồ sơ trực tuyến"));

            // The ward's officer accepts it; the open page shows it without the citizen doing anything.
            HttpResponse<String> accepted = postJson(
                    "api/v1/portal/dossiers/" + code + "/accept",
                    person("onestop.hungdung"),
                    "{\"content\":\"Tiếp nhận\"}");
            assertEquals(200, accepted.statusCode(), accepted.body());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Được tiếp nhận"));

            browser.get(base() + "portal/dossiers/");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mine"), code));
        } finally {
            Files.deleteIfExists(declaration);
            Files.deleteIfExists(certificate);
        }
    }
}

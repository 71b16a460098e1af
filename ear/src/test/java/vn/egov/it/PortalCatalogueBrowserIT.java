package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A citizen on a phone, not signed in, finds a procedure on the public portal and reads what to do:
 * the search by words without diacritics and by field and level, the procedure page with its times,
 * fees, documents and form, the way to apply online, and the same pages in English.
 */
@ExtendWith(ArquillianExtension.class)
class PortalCatalogueBrowserIT extends PlatformIT {

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            screenshot("failed-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("egov-chromium");
        browser = Browsers.chromium(profile, 390, 844);
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

    private void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(),
                dir.resolve(System.getProperty("it.database", "db") + "-portal-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The page fits the phone's width: nothing to scroll sideways. */
    private void assertFitsTheScreen() {
        Object wider = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assertEquals(Boolean.FALSE, wider, "the page is wider than the phone's screen");
    }

    @Test
    void aCitizenFindsAProcedureOnAPhoneAndSeesHowToApply() throws IOException {
        browser.get(base() + "portal/procedures.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        assertEquals(
                "Tra cứu thủ tục hành chính",
                browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.id("q")).sendKeys("ly lich tu phap");
        browser.findElement(By.id("find")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "Tìm thấy 1 thủ tục"));
        assertTrue(browser.getCurrentUrl().contains("q=ly+lich+tu+phap"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.cssSelector(".portal-results"))
                .getText()
                .contains("Thủ tục cấp Phiếu lý lịch tư pháp"));
        assertFitsTheScreen();

        WebElement q = browser.findElement(By.id("q"));
        q.clear();
        q.sendKeys("khai sinh");
        new Select(browser.findElement(By.id("field"))).selectByVisibleText("Hộ tịch");
        new Select(browser.findElement(By.id("level"))).selectByValue("4");
        browser.findElement(By.id("find")).click();
        wait.until(ExpectedConditions.urlContains("level=4"));
        WebElement results = browser.findElement(By.cssSelector(".portal-results"));
        assertTrue(results.getText().contains("Thủ tục đăng ký khai sinh"), results.getText());
        assertFalse(results.getText().contains("quá hạn"), "late registration is partly online only");
        screenshot("search");

        browser.findElement(By.linkText("Thủ tục đăng ký khai sinh")).click();
        wait.until(ExpectedConditions.urlContains("procedure.xhtml?code=1.001193"));
        assertEquals(
                "Thủ tục đăng ký khai sinh",
                browser.findElement(By.tagName("h1")).getText());
        assertEquals(
                "Dịch vụ công trực tuyến toàn trình",
                browser.findElement(By.id("level")).getText());
        String channels = browser.findElement(By.id("channels")).getText();
        assertTrue(channels.contains("Trực tuyến"), channels);
        assertTrue(channels.contains("1 ngày làm việc"), channels);
        assertTrue(channels.contains("Lệ phí: 0 đ"), channels);
        String apply = browser.findElement(By.id("submitOnline")).getAttribute("href");
        assertTrue(apply.endsWith("/portal/dossiers/new.xhtml?procedure=1.001193"), apply);
        assertEquals(
                "Nộp hồ sơ trực tuyến",
                browser.findElement(By.id("submitOnline")).getText());
        String form = browser.findElement(By.cssSelector("a.portal-download")).getAttribute("href");
        assertTrue(form.endsWith("/api/v1/portal/procedures/1.001193/forms/TK-KS"), form);
        assertFitsTheScreen();
        screenshot("procedure");

        browser.get(base() + "portal/procedure.xhtml?code=2.000505");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channels"), "Phí: 200.000 đ"));
        assertTrue(
                browser.findElement(By.id("channels")).getText().contains("Đã cư trú ở nhiều nơi hoặc ở nước ngoài"));

        browser.get(base() + "portal/procedure.xhtml?code=2.000884");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inPersonOnly")));
        assertTrue(browser.findElements(By.id("submitOnline")).isEmpty(), "level 2: nothing to submit online");

        browser.findElement(By.id("portalShell:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "How to apply, processing time and fees"));
        browser.get(base() + "portal/procedures.xhtml?q=dang%20ky%20ket%20hon");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("h1"), "Find an administrative procedure"));
        assertTrue(
                browser.findElement(By.cssSelector(".portal-results")).getText().contains("Thủ tục đăng ký kết hôn"));
    }

    @Test
    void anAgencyAdministratorImportsWithADryRunThenWithdrawsTheProcedure() throws IOException {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        String code = "9." + Math.abs(java.util.UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String word = "thunghiem" + Math.abs(code.hashCode());
        browser.get(base() + "onestop/procedures.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.findElement(By.id("login:username")).sendKeys("admin.h41");
        browser.findElement(By.id("login:password")).sendKeys(DEMO_SECRET);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.urlContains("/onestop/procedures.xhtml"));
        assertEquals(
                "Danh mục thủ tục hành chính",
                browser.findElement(By.tagName("h1")).getText());

        String record = ("{\"MATTHC\":\"%s\",\"TENTTHC\":\"Thủ tục %s của tỉnh\",\"MACOQUANCONGBO\":\"000.00.00.H41\","
                        + "\"TRANGTHAI\":\"1\",\"MUCDO\":\"3\",\"LINHVUCTHUCHIEN\":[{\"MALINHVUC\":\"G12-HT\",\"TENLINHVUC\":\"Hộ tịch\"}],"
                        + "\"CACHTHUCTHUCHIEN\":[{\"KENH\":\"1\",\"THOIGIAN\":[{\"THOIGIANGIAIQUYET\":\"3\",\"DONVITINH\":\"Ngày làm việc\"}]}],"
                        + "\"COQUANTHUCHIEN\":[{\"MADONVI\":\"000.01.20.H41\",\"TENDONVI\":\"Ủy ban nhân dân phường Hưng Dũng\"}]}")
                .formatted(code, word);
        browser.findElement(By.id("import:records")).sendKeys(record);
        browser.findElement(By.id("import:dryRun")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "chạy thử"));
        assertTrue(browser.findElement(By.id("counts")).getText().contains("Thêm mới: 1"));
        assertEquals(404, get("api/v1/portal/procedures/" + code, null).statusCode(), "a dry run writes nothing");

        browser.findElement(By.id("import:records")).sendKeys(" ");
        browser.findElement(By.id("import:importNow")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import:importMessages"), "Đã nhập."));
        assertEquals(200, get("api/v1/portal/procedures/" + code, null).statusCode());

        browser.findElement(By.id("search:q")).sendKeys(word);
        browser.findElement(By.id("search:find")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search:results"), code));
        // The results may be drawn twice (the import's update, then the search's): click the button of the table
        // that is there, again if it was replaced under the click.
        By withdraw = By.xpath("//*[@id='search:results']//button[normalize-space(.)='Ngừng công bố']");
        wait.until(d -> {
            try {
                d.findElement(withdraw).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return false;
            }
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("search:messages"), "Đã ngừng công bố thủ tục."));
        assertTrue(browser.findElement(By.id("search:results")).getText().contains("Chưa"));
        assertEquals(404, get("api/v1/portal/procedures/" + code, null).statusCode(), "withdrawn from the public");
        screenshot("admin");
    }
}

package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The direction centre in a real headless Chromium: indicators, the tile map, a drill-down, a live update. */
@ExtendWith(ArquillianExtension.class)
class CentreBrowserIT extends PlatformIT {

    private static final String NGHE_AN = "000.00.00.H41";
    private static final String HAU_GIANG = "000.00.00.H30";

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
        browser = Browsers.chromium(profile, 1600, 1000);
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
                dir.resolve(System.getProperty("it.database", "db") + "-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void signIn(String username) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")))
                .sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(DEMO_SECRET);
        browser.findElement(By.id("login:submit")).click();
    }

    private WebElement tile(String agency) {
        return browser.findElement(By.cssSelector("#tiles a[data-agency='" + agency + "']"));
    }

    @Test
    void leaderSeesIndicatorsTheMapADrillDownAndAnApprovalWithoutReload() throws IOException {
        browser.get(base() + "reporting/centre.xhtml?indicator=BUDGET_REVENUE&colour=status");
        signIn("analyst.g22");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#kpis .egov-kpi"), 8));
        for (String code : List.of("RETAIL_TOTAL", "BUDGET_REVENUE", "CPI", "ONLINE_DOSSIER_RATE")) {
            WebElement kpi = browser.findElement(By.id("kpi-" + code));
            assertFalse(
                    kpi.findElement(By.className("egov-kpi-value")).getText().isBlank());
            // The trend is PrimeFaces' Chart.js chart: a canvas.
            assertEquals(
                    1,
                    kpi.findElements(By.cssSelector(".egov-kpi-trend canvas")).size(),
                    code);
        }
        assertTrue(browser.findElement(By.id("kpis")).getText().contains("Thu ngân sách nhà nước trên địa bàn"));

        // 63 cells; coloured by target status: Nghệ An has a budget target, Hậu Giang none.
        assertEquals(
                63, browser.findElements(By.cssSelector("#tiles a.egov-tile")).size());
        WebElement ngheAn = tile(NGHE_AN);
        String status = ngheAn.getAttribute("data-status");
        assertTrue(List.of("GREEN", "AMBER", "RED").contains(status), "status " + status);
        assertTrue(ngheAn.getAttribute("class").contains("egov-tile-" + status), ngheAn.getAttribute("class"));
        assertTrue(tile(HAU_GIANG).getAttribute("class").contains("egov-tile-notarget"));
        String row = ngheAn.getCssValue("grid-row-start");
        String hauGiangRow = tile(HAU_GIANG).getCssValue("grid-row-start");
        assertTrue(Integer.parseInt(row) < Integer.parseInt(hauGiangRow), "Nghệ An lies north of Hậu Giang");
        screenshot("centre-nation");

        // Colour by value: every province with a figure gets a shade.
        browser.findElement(By.id("centre:byValue")).click();
        wait.until(d -> tile(HAU_GIANG).getAttribute("class").contains("egov-tile-q"));

        // Drill down to Nghệ An: its districts and its reports.
        tile(NGHE_AN).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scope"), "Nghệ An"));
        assertTrue(browser.findElement(By.id("centre:districts")).getText().contains("Vinh"));
        assertTrue(browser.findElements(By.id("centre:reports")).size() == 1);
        screenshot("centre-province");

        // Back to the nation; an approval elsewhere changes the page without a reload.
        browser.findElement(By.id("centre:toNation")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#kpis .egov-kpi"), 8));
        ((JavascriptExecutor) browser).executeScript("window.egovNoReload = 'still here';");
        // The page follows the server's event stream (no polling): it is open before the approval is made.
        wait.until(d -> "open".equals(d.findElement(By.id("centreLive")).getAttribute("data-state")));
        String before = browser.findElement(By.id("kpi-RETAIL_TOTAL")).getAttribute("data-last-year");
        String month = browser.findElement(By.id("scope")).getAttribute("data-period");
        // The month in words ("Tháng 11/2026"), its code only in the page's data.
        assertTrue(
                browser.findElement(By.id("scope"))
                        .getText()
                        .endsWith("Tháng " + Integer.parseInt(month.substring(5)) + "/" + month.substring(0, 4)),
                browser.findElement(By.id("scope")).getText());
        String lastYear = (Integer.parseInt(month.substring(0, 4)) - 1) + month.substring(4);
        HttpResponse<String> submitted =
                postJson("api/v1/reporting/reports", token(HAU_GIANG), """
                {"regime":"BC-KTXH-THANG","agency":"%s","period":"%s","submit":true,
                 "values":[{"indicator":"RETAIL_TOTAL","value":4321},{"indicator":"BUDGET_REVENUE","value":100}]}""".formatted(HAU_GIANG, lastYear));
        assertEquals(201, submitted.statusCode(), submitted.body());
        long id = json(submitted).asJsonObject().getJsonNumber("id").longValue();
        HttpResponse<String> approved =
                postJson("api/v1/reporting/reports/" + id + "/approval", person("analyst.g22"), "{\"approve\":true}");
        assertEquals(200, approved.statusCode(), approved.body());
        wait.until(d -> !java.util.Objects.equals(
                before, d.findElement(By.id("kpi-RETAIL_TOTAL")).getAttribute("data-last-year")));
        assertEquals("still here", ((JavascriptExecutor) browser).executeScript("return window.egovNoReload;"));
        screenshot("centre-live");
    }
}

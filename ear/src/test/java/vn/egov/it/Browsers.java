package vn.egov.it;

import java.io.File;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The headless Chromium every browser test drives: Debian's chromium and chromedriver, a fresh profile, no
 * background connections (this machine's network is closed, and Chromium would try Google's hosts at every start),
 * Vietnamese as the browser's language, and the screen the test stands for (a desk, a wall screen, a phone).
 */
final class Browsers {

    private Browsers() {}

    static WebDriver chromium(Path profile, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=" + width + "," + height,
                "--lang=vi",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Chooses the item labelled {@code label} in a PrimeFaces select menu, as a person does, and waits for it to close. */
    static void choose(WebDriver browser, WebDriverWait wait, String menuId, String label) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(menuId))).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[@id='" + menuId + "_items']//li[normalize-space(.)='" + label + "']")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
    }

    /**
     * Picks an agency in the agency picker ({@code <egov:agencyPicker>} with id {@code pickerId}) by typing part
     * of its name and choosing the suggestion {@code label}, "name (code)"; waits until the field shows it.
     */
    static void pickAgency(WebDriver browser, WebDriverWait wait, String pickerId, String typed, String label) {
        WebElement field = browser.findElement(By.id(pickerId + ":input_input"));
        field.clear();
        field.sendKeys(typed);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@id='" + pickerId
                        + ":input_panel']//li[contains(@class,'ui-autocomplete-item')][normalize-space(.)='" + label
                        + "']")))
                .click();
        wait.until(ExpectedConditions.attributeToBe(By.id(pickerId + ":input_input"), "value", label));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(pickerId + ":input_panel")));
    }
}

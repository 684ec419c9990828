package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless {@code chromium} driven through {@code chromedriver}, both given by path so Selenium Manager
 * never runs (it would try to download a browser). Without them the browser tests are skipped locally and FAIL
 * under {@code CI=true}. Screenshots go to {@code target/screenshots/}.
 */
final class BrowserSession implements AutoCloseable
{
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    private BrowserSession(final ChromeDriver driver, final Path profile)
    {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    static BrowserSession open(final int width, final int height) throws IOException
    {
        final boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present)
        {
            if ("true".equals(System.getenv("CI")))
            {
                fail("browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver");
            }
            assumeTrue(false, "chromium/chromedriver not installed: browser tests skipped (they fail under CI=true)");
        }
        System.setProperty("selenium.manager.offline", "true");
        final Path profile = Files.createTempDirectory("noc-raven-chromium-");
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        final org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new BrowserSession(new ChromeDriver(service, options), profile);
    }

    void screenshot(final String name) throws IOException
    {
        final Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        final File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * @return the browser console lines since the last call (for failure messages).
     */
    String console()
    {
        final StringBuilder sb = new StringBuilder();
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
            .forEach(e -> sb.append(e.getLevel()).append(' ').append(e.getMessage()).append('\n'));
        return sb.toString();
    }

    @Override
    public void close() throws IOException
    {
        System.out.println("browser console:\n" + console());
        driver.quit();
        try (var walk = Files.walk(profile))
        {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

package dev.storemon.standalone.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storemon.tools.generate.DataGenerator;
import dev.storemon.tools.generate.GeneratorOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owners' page in a real browser: starts the built {@code storemon-standalone.jar} (free ports everywhere) on
 * generated data, and drives Debian's headless Chromium through its chromedriver. Triggers a report from the page,
 * checks the table against {@code get_report}'s CSV, opens a store's week, downloads the CSV and compares its bytes.
 * A screenshot of each step is saved under {@code target/page-screenshots/}. Skipped where Chromium is not installed.
 */
class OwnersPageIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("storemon.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("storemon.chromedriver", "/usr/bin/chromedriver"));
    private static final Pattern READY = Pattern.compile("storemon standalone ready: API (\\S+) \\|");
    private static final int STORES = 300;

    private final Path root = Path.of(System.getProperty("storemon.repository-root", ".."))
            .toAbsolutePath()
            .normalize();
    private final Path jar = Path.of(System.getProperty("storemon.standalone-jar", "target/storemon-standalone.jar"));
    private final Path target = Path.of("target").toAbsolutePath();
    private final Path screenshots = target.resolve("page-screenshots");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process standalone;
    private ChromeDriver browser;

    @Test
    void anOwnerRunsAReportReadsItOpensAStoreAndDownloadsTheCsv() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: install the Debian packages 'chromium chromium-driver' "
                        + "(apt-get install -y chromium chromium-driver)");
        assertThat(jar).as("run ./mvnw package first").exists();
        Path work = Files.createTempDirectory(target, "owners-page-");
        Path data = work.resolve("data");
        new DataGenerator(new GeneratorOptions(STORES, 8, 14, GeneratorOptions.DEFAULT_END, false)).writeTo(data);
        String api = start(data, work.resolve("standalone.log"));
        Files.createDirectories(screenshots);
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        browser = chromium(work.resolve("chromium-profile"), downloads);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2), Duration.ofMillis(200));

        browser.get(api + "/");
        wait.until(d ->
                d.findElement(By.cssSelector("[data-testid=recent-reports]")).isDisplayed());
        screenshot("1-loaded");

        testid("trigger-report").click();
        wait.until(d ->
                d.findElement(By.cssSelector("[data-testid=report-progress]")).isDisplayed());
        screenshot("2-progress");
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=report-table] tbody tr"))
                .isEmpty());
        assertThat(testid("report-progress").getAttribute("aria-valuenow")).isEqualTo("100");
        screenshot("3-report");

        String href = testid("download-csv").getDomAttribute("href");
        assertThat(href).matches("/get_report\\?report_id=[0-9a-f-]{36}");
        byte[] csv = fetch(api + href);
        List<String[]> lines = new String(csv, StandardCharsets.UTF_8)
                .lines()
                .skip(1)
                .map(l -> l.split(","))
                .toList();
        assertThat(lines).hasSizeGreaterThan(STORES / 2);

        // one row per store (on one page of 500), and the figures as the CSV writes them
        new Select(browser.findElement(By.id("page-size"))).selectByVisibleText("500");
        wait.until(d -> rows().size() == lines.size());
        assertThat(testid("report-table").getDomAttribute("data-total-rows")).isEqualTo(String.valueOf(lines.size()));
        Map<String, String[]> csvByStore = lines.stream().collect(Collectors.toMap(f -> f[0], f -> f));
        for (WebElement row : rows().subList(0, 5)) {
            List<String> cells = row.findElements(By.cssSelector("th, td")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(cells.subList(0, 7)).containsExactly(csvByStore.get(cells.get(0)));
        }
        // sorted by store id ascending, the table is in the CSV's order
        browser.findElement(By.cssSelector("th[data-key=store_id] button")).click();
        wait.until(d -> "ascending"
                .equals(d.findElement(By.cssSelector("th[data-key=store_id]")).getDomAttribute("aria-sort")));
        assertThat(rows().get(0).getDomAttribute("data-store-id")).isEqualTo(lines.get(0)[0]);
        assertThat(rows().get(lines.size() - 1).getDomAttribute("data-store-id"))
                .isEqualTo(lines.get(lines.size() - 1)[0]);

        // filter by store id
        String storeId = lines.get(lines.size() / 2)[0];
        browser.findElement(By.id("filter")).sendKeys(storeId);
        wait.until(d -> rows().size() == 1);
        assertThat(rows().get(0).getDomAttribute("data-store-id")).isEqualTo(storeId);

        // the store's week: intervals drawn, its six figures equal its CSV line
        rows().get(0).findElement(By.cssSelector("button")).click();
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=store-timeline] svg rect.seg"))
                .isEmpty());
        List<String> figures = browser.findElements(By.cssSelector("#store-figures dd")).stream()
                .map(e -> e.getText().replaceAll("[^0-9.]", ""))
                .toList();
        String[] line = csvByStore.get(storeId);
        assertThat(figures).containsExactly(line[1], line[4], line[2], line[5], line[3], line[6]);
        assertThat(browser.findElements(By.cssSelector("[data-testid=store-timeline] .poll")))
                .isNotEmpty();
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot("4-timeline"); // docs/page.png is a copy of this one
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth"))
                .as("no horizontal scrolling")
                .isLessThanOrEqualTo(0L);

        // the recent list names the report
        String reportId = href.substring(href.indexOf('=') + 1);
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=recent-reports]"))
                .getText()
                .contains(reportId.substring(0, 8)));

        // the download: the file Chromium saves has the API's bytes, and so does the link fetched with its cookies
        testid("download-csv").click();
        Path saved = downloads.resolve("report-" + reportId + ".csv");
        await("Chromium saves " + saved)
                .atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(saved) && Files.size(saved) == csv.length);
        assertThat(Files.readAllBytes(saved)).isEqualTo(csv);
        assertThat(fetchWithCookies(api + href)).isEqualTo(csv);
        // the JSON link is a plain link to get_report's JSON form, the CSV inside
        String jsonHref = browser.findElement(By.id("download-json")).getDomAttribute("href");
        assertThat(jsonHref).isEqualTo(href + "&format=json");
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(fetchWithCookies(api + jsonHref))
                        .get("csv")
                        .asString())
                .isEqualTo(new String(csv, StandardCharsets.UTF_8));

        // a phone-sized screen
        browser.findElement(By.id("filter")).clear();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("document.getElementById('report-view').scrollIntoView()");
        screenshot("5-phone");
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth"))
                .as("no horizontal scrolling on a phone")
                .isLessThanOrEqualTo(0L);
        browser.manage().window().setSize(new Dimension(1440, 1100));

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("[data-testid=report-table] tbody tr"));
    }

    private WebElement testid(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private ChromeDriver chromium(Path profile, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1440,1100");
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Starts the jar on {@code data}, waits until it has loaded the data; returns the API's base URL. */
    private String start(Path data, Path log) throws Exception {
        standalone = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--server.port=0",
                        "--storemon.embedded.kafka-port=0",
                        "--storemon.embedded.postgres-port=0",
                        "--storemon.ingest.source-dir=" + data,
                        "--storemon.ingest.cron=-")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String api = await("the 'storemon standalone ready' line in " + log)
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            Matcher ready = READY.matcher(Files.readString(log));
                            return ready.find() ? ready.group(1) : null;
                        },
                        url -> url != null);
        await("the first data version")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> new String(fetch(api + "/api/ingest/status"), StandardCharsets.UTF_8)
                        .contains("\"status\":\"SUCCEEDED\""));
        return api;
    }

    private byte[] fetch(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    private byte[] fetchWithCookies(String url) throws IOException, InterruptedException {
        String cookies = browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return send(request);
    }

    private byte[] send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(request.build().uri().toString()).isEqualTo(200);
        return response.body();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (standalone != null) {
            standalone.destroy(); // SIGTERM: the shutdown hook closes the services, the broker and Postgres
            if (!standalone.waitFor(60, TimeUnit.SECONDS)) {
                standalone.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}

package dev.emporium.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webjars.WebJarVersionLocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless, driven by its chromium-driver, with a profile of its own:
 * what a person sees, as screenshots, plus the checks a person cannot make by eye
 * (axe-core's accessibility rules run in the page, and the page's console errors).
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private final String axe;

	private Browser(ChromeDriver driver, Path profile, String axe) {
		this.driver = driver;
		this.profile = profile;
		this.axe = axe;
	}

	static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
	}

	static Browser start() throws IOException {
		var profile = Files.createTempDirectory("emporium-chromium");
		var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
					"--window-size=1280,900", "--user-data-dir=" + profile);
		var logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		var axeScript = "/" + new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
		try (var in = Browser.class.getResourceAsStream(axeScript)) {
			return new Browser(new ChromeDriver(service, options), profile,
					new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	ChromeDriver driver() {
		return driver;
	}

	void open(String url) {
		driver.get(url);
	}

	WebElement find(String css) {
		return until(driver -> driver.findElements(By.cssSelector(css)).stream().findFirst().orElse(null),
				"an element " + css);
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	/** Waits until the element's text contains the text, and returns the element. */
	WebElement text(String css, String text) {
		return until(driver -> driver.findElements(By.cssSelector(css))
			.stream()
			.filter(element -> element.getText().contains(text))
			.findFirst()
			.orElse(null), "'" + text + "' in " + css);
	}

	void type(String css, String text) {
		var input = find(css);
		input.clear();
		input.sendKeys(text);
	}

	void click(String css) {
		until(driver -> {
			var element = driver.findElements(By.cssSelector(css)).stream().findFirst().orElse(null);
			return (element != null && element.isDisplayed() && element.isEnabled()) ? element : null;
		}, "a clickable " + css).click();
	}

	<T> T until(ExpectedCondition<T> condition, String what) {
		return new WebDriverWait(driver, WAIT)
			.withMessage(() -> "waiting for " + what + " on " + driver.getCurrentUrl())
			.pollingEvery(Duration.ofMillis(100))
			// the pages redraw what they refresh: an element found may be gone when read
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/**
	 * Saves what the page shows, the whole page beyond the window, as
	 * target/screenshots/NAME.png.
	 */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			var metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
			var size = (Map<?, ?>) metrics.get("cssContentSize");
			var shot = driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip",
							Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(), "height",
									Math.min(((Number) size.get("height")).doubleValue(), 4000), "scale", 1)));
			var file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Shows the page in a phone's viewport while the task runs. */
	void asPhone(Runnable task) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		try {
			task.run();
		}
		finally {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/**
	 * Runs axe-core in the page and fails on any serious or critical violation of its
	 * rules (WCAG 2 A and AA among them), naming each with the elements at fault.
	 */
	void assertAccessible(String page) {
		var js = (JavascriptExecutor) driver;
		js.executeScript(axe);
		var violations = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then((result) => done(result.violations
				    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
				    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at `
				      + violation.nodes.map((node) => node.target.join(' ')).join(', '))))
				  .catch((failure) => done([`axe failed: ${failure}`]));""");
		assertThat((List<?>) violations).as("serious or critical accessibility violations on " + page).isEmpty();
	}

	/**
	 * Fails on any error the pages wrote to the browser's console since the last call.
	 * The browser's own line for an answer with a 4xx status is left out: the pages show
	 * such problems to the person, and no page can keep the browser from logging them.
	 */
	void assertNoConsoleErrors() {
		var errors = driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !message
				.matches("(?s).*Failed to load resource: the server responded with a status of 4\\d\\d.*"))
			.toList();
		assertThat(errors).as("errors in the browser's console").isEmpty();
	}

	@Override
	public void close() throws IOException {
		try {
			driver.quit();
		}
		finally {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

}

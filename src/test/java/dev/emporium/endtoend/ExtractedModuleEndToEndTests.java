package dev.emporium.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The proof that any module can be extracted by configuration alone: for each module, a
 * fresh Kafka broker, the monolith with that one module remote, and the module's service
 * started from the same jar as a separate process, each with its own PostgreSQL; then the
 * checkout scenario of the all-in-one test runs through the monolith's base URL and must
 * end exactly as it does there, an order's trace included: one trace ID across both
 * processes, in one Zipkin server for the whole class.
 * <p>
 * Each module is one round; a round prints a line {@code extraction matrix: <module>
 * passed|failed ...} and appends it to {@code target/extraction-matrix.txt}. A round
 * stops at its first failing test: the others would wait out their timeouts against a
 * broken deployment, a minute each. System properties: {@code emporium.matrix.modules} (a
 * comma-separated subset, all by default), {@code emporium.matrix.fail-fast}
 * ({@code true}; {@code false} runs every test of a failing round).
 */
@ParameterizedClass(name = "{0} extracted")
@MethodSource("modules")
class ExtractedModuleEndToEndTests extends CheckoutScenario {

	static final List<String> MODULES = List.of("catalog", "inventory", "payments", "shipping", "notifications",
			"orders", "customers");

	/** The modules an order's trace crosses into when they run as a service. */
	private static final Set<String> IN_AN_ORDERS_TRACE = Set.of("catalog", "inventory", "payments", "shipping",
			"notifications", "orders");

	// One Zipkin server for every round: each order's trace has an ID of its own.
	private static ZipkinServer zipkin;

	private static final boolean FAIL_FAST = Boolean
		.parseBoolean(System.getProperty("emporium.matrix.fail-fast", "true"));

	@RegisterExtension
	static final TestWatcher outcomes = new Outcomes();

	// One test instance serves every round (the scenario's per-class lifecycle), so the
	// round's state is set anew before each.
	@Parameter
	String module;

	private List<String> failures;

	private int passed;

	private int skipped;

	private Instant begin;

	private Duration startup;

	private Duration scenario;

	private KafkaBroker broker;

	private RunningApplication monolith;

	private RunningApplication service;

	static Stream<String> modules() {
		var only = System.getProperty("emporium.matrix.modules", "");
		return only.isBlank() ? MODULES.stream()
				: Arrays.stream(only.split(",")).map(String::trim).filter(name -> !name.isEmpty());
	}

	@BeforeAll
	static void startZipkin() throws Exception {
		zipkin = ZipkinServer.start();
	}

	@AfterAll
	static void stopZipkin() throws Exception {
		if (zipkin != null) {
			zipkin.close();
		}
	}

	/**
	 * The monolith's request span, and the extracted module's spans, which only its
	 * service can report (Spring Modulith names a module's spans after the module).
	 */
	@Override
	Set<String> processesInAnOrdersTrace() {
		return IN_AN_ORDERS_TRACE.contains(module) ? Set.of("emporium", module) : Set.of("emporium");
	}

	@BeforeParameterizedClassInvocation
	void startMonolithAndService() throws Exception {
		begin = Instant.now();
		failures = new ArrayList<>();
		passed = 0;
		skipped = 0;
		startup = Duration.ZERO;
		scenario = Duration.ZERO;
		broker = null;
		monolith = null;
		service = null;
		try {
			// A broker of its own per round: no committed offsets or records of another
			// round.
			broker = KafkaBroker.start();
			var extraction = Extraction.of(module, broker);
			LocalProcesses.startTogether(
					() -> monolith = RunningApplication.start(extraction.monolithPort(),
							traced(extraction.monolithArguments())),
					() -> service = RunningApplication.start(extraction.servicePort(),
							traced(extraction.serviceArguments())));
			shopAt(monolith.baseUrl());
			tracedBy(zipkin);
		}
		catch (Exception ex) {
			failures.add("start: " + firstLine(ex));
			throw ex;
		}
		finally {
			startup = Duration.between(begin, Instant.now());
		}
	}

	@BeforeEach
	void skipTheRestOfAFailedRound() {
		assumeTrue(!FAIL_FAST || failures.isEmpty(), () -> "the round of " + module + " failed already: " + failures);
	}

	/**
	 * The cancel-versus-dispatch race with shipping in its own process: the cancellation
	 * reaches it over Kafka while the dispatch comes through the gateway, and shipping's
	 * answer goes back over Kafka. Only in shipping's round, where it is the point.
	 */
	@Test
	void cancelAndDispatchAtTheSameMomentNeverBothWinWithShippingExtracted() throws Exception {
		assumeTrue(module.equals("shipping"), "raced in shipping's round only");
		cancelAndDispatchAtTheSameMoment(50);
	}

	@AfterParameterizedClassInvocation
	void stopAndReport() throws Exception {
		scenario = Duration.between(begin.plus(startup), Instant.now());
		try {
			// Together, as they started: neither needs the other to stop.
			LocalProcesses.startTogether(() -> {
				if (monolith != null) {
					monolith.close();
				}
			}, () -> {
				if (service != null) {
					service.close();
				}
			});
			if (broker != null) {
				broker.close();
			}
		}
		finally {
			report();
		}
	}

	private void report() throws IOException {
		var total = Duration.between(begin, Instant.now());
		var line = "extraction matrix: %-13s %s tests passed=%d failed=%d skipped=%d startup=%.1fs scenario=%.1fs total=%.1fs"
			.formatted(module, failures.isEmpty() ? "passed" : "failed", passed, failures.size(), skipped,
					seconds(startup), seconds(scenario), seconds(total));
		if (!failures.isEmpty()) {
			line += " failures=" + failures + " monolith log=" + logOf(monolith) + " service log=" + logOf(service)
					+ " broker log="
					+ Optional.ofNullable(broker).map(KafkaBroker::log).map(Path::toString).orElse("none");
		}
		System.out.println(line);
		Files.writeString(Path.of("target", "extraction-matrix.txt"), Instant.now() + " " + line + "\n",
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static List<String> traced(List<String> arguments) {
		var all = new ArrayList<>(arguments);
		all.add(zipkin.applicationArgument());
		return all;
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/** Enough of a failure to tell rounds apart in the table; the report has the rest. */
	private static String firstLine(Throwable failure) {
		var line = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
		return (line.length() > 300) ? line.substring(0, 300) + "..." : line;
	}

	private static String logOf(RunningApplication application) {
		return Optional.ofNullable(application).map(RunningApplication::log).map(Path::toString).orElse("none");
	}

	/**
	 * Counts each round's outcomes into its test instance, for the round's result line.
	 */
	private static final class Outcomes implements TestWatcher {

		@Override
		public void testSuccessful(ExtensionContext context) {
			round(context).passed++;
		}

		@Override
		public void testAborted(ExtensionContext context, Throwable cause) {
			round(context).skipped++;
		}

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			round(context).failures.add(context.getDisplayName() + ": " + firstLine(cause));
		}

		private static ExtractedModuleEndToEndTests round(ExtensionContext context) {
			return (ExtractedModuleEndToEndTests) context.getRequiredTestInstance();
		}

	}

}

package dev.emporium.bench;

import static dev.emporium.bench.Requests.env;
import static dev.emporium.bench.Requests.tokens;
import static io.gatling.javaapi.core.CoreDsl.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The probes of bench/run's sustained-checkout search in one JVM: place order at an arrival rate that bench/run sets
 * through a control file, independent of the answers (open model), with counts of the requests sent, answered 201 and
 * failed in a status file. One JVM for every probe, because a start and a warm-up of Gatling per probe would cost
 * seconds of the cores the application shares.
 */
public class SustainedSimulation extends Simulation {

	// Users arrive at this constant rate; each places an order with probability rate / CEILING (Probes.admit).
	static final double CEILING = Double.parseDouble(env("BENCH_PROBE_CEILING", "1000"));

	static final int MAX_SECONDS = Integer.parseInt(env("BENCH_PROBE_MAX_SECONDS", "300"));

	final Probes probes = new Probes(Path.of(env("BENCH_PROBE_CONTROL", "probe-control")),
			Path.of(env("BENCH_PROBE_STATUS", "probe-status")), CEILING);

	ScenarioBuilder probe = scenario("probe")
		.exec(stopLoadGeneratorIf("the search is over", session -> probes.stopped()))
		.doIf(session -> probes.admit())
		.then(exec(Requests.placeOrder("POST /orders", "/api/v1/orders", tokens(env("BENCH_TOKENS", "tokens.txt"))))
			.exec(session -> {
				probes.answered(!session.isFailed());
				return session;
			}));

	{
		setUp(probe.injectOpen(constantUsersPerSec(CEILING).during(MAX_SECONDS)))
			.protocols(Requests.protocol());
	}

	@Override
	public void after() {
		probes.close();
	}

	/**
	 * The rate, read from the control file ("RATE RAMP_SECONDS": from the current rate to RATE in a straight line over
	 * RAMP_SECONDS; or "stop"), and the counts, written to the status file ("SENT OK KO") every 50 ms once users
	 * arrive.
	 */
	static final class Probes {

		private final Path control;

		private final Path status;

		private final double ceiling;

		private final Thread poller;

		private volatile boolean stopped;

		private volatile boolean injecting;

		private String command = "";

		private double from;

		private double to;

		private long rampStart;

		private long rampNanos;

		private double credit;

		private long sent;

		private long ok;

		private long ko;

		Probes(Path control, Path status, double ceiling) {
			this.control = control;
			this.status = status;
			this.ceiling = ceiling;
			this.poller = new Thread(this::poll, "probe-control");
			this.poller.setDaemon(true);
			this.poller.start();
		}

		boolean stopped() {
			return stopped;
		}

		synchronized boolean admit() {
			injecting = true;
			credit += rate(System.nanoTime()) / ceiling;
			if (credit < 1) {
				return false;
			}
			credit -= 1;
			sent++;
			return true;
		}

		synchronized void answered(boolean success) {
			if (success) {
				ok++;
			}
			else {
				ko++;
			}
		}

		void close() {
			poller.interrupt();
		}

		private double rate(long now) {
			double done = rampNanos == 0 ? 1 : Math.min(1, (double) (now - rampStart) / rampNanos);
			return Math.min(ceiling, from + (to - from) * done);
		}

		private void poll() {
			var next = status.resolveSibling(status.getFileName() + ".next");
			try {
				while (!Thread.currentThread().isInterrupted()) {
					var line = Files.exists(control) ? Files.readString(control).strip() : "";
					if (!line.equals(command)) {
						command(line);
					}
					// Only once users arrive: Gatling starts injecting some seconds after the simulation is built.
					if (injecting) {
						String counts;
						synchronized (this) {
							counts = sent + " " + ok + " " + ko + "\n";
						}
						Files.writeString(next, counts);
						Files.move(next, status, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
					}
					Thread.sleep(50);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException ex) {
				stopped = true;
				throw new IllegalStateException(ex);
			}
		}

		private synchronized void command(String line) {
			command = line;
			if (line.equals("stop")) {
				stopped = true;
				to = from = 0;
				return;
			}
			var words = line.split("\\s+");
			if (words.length != 2) {
				return;
			}
			long now = System.nanoTime();
			from = rate(now);
			to = Double.parseDouble(words[0]);
			rampStart = now;
			rampNanos = (long) (Double.parseDouble(words[1]) * 1e9);
		}

	}

}

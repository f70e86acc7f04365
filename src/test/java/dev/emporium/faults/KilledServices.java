package dev.emporium.faults;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The services {@link AllServicesCrashEndToEndTests} kills in one build: two of the seven
 * by the day's turn (UTC), so that every build of a day kills the same two and each
 * service is killed twice a week. {@code -Demporium.services.kill=all} kills all seven,
 * {@code =orders,payments} those; {@code -Demporium.services.kill-day=N} repeats day N.
 *
 * @param modules the services to kill, in that order
 * @param description which were chosen and how, for the test's output
 */
record KilledServices(List<String> modules, String description) {

	static final int PER_BUILD = 2;

	static KilledServices thisBuild() {
		return of(System.getProperty("emporium.services.kill", ""),
				Long.getLong("emporium.services.kill-day", LocalDate.now(ZoneOffset.UTC).toEpochDay()));
	}

	static KilledServices of(String asked, long day) {
		var all = ScriptedServices.MODULES;
		if (asked.equals("all")) {
			return new KilledServices(all, "killing all seven services (-Demporium.services.kill=all)");
		}
		if (!asked.isBlank()) {
			var modules = Arrays.stream(asked.split(",")).map(String::trim).toList();
			modules.stream().filter(module -> !all.contains(module)).findFirst().ifPresent(module -> {
				throw new IllegalArgumentException("emporium.services.kill: no service " + module + " in " + all);
			});
			return new KilledServices(modules,
					"killing " + modules + " as asked (-Demporium.services.kill=" + asked + "; =all kills all seven)");
		}
		var first = Math.floorMod(day * PER_BUILD, all.size());
		var modules = IntStream.range(0, PER_BUILD).mapToObj(i -> all.get((first + i) % all.size())).toList();
		return new KilledServices(modules,
				"killing " + modules + ", day " + day + "'s turn of the seven (-Demporium.services.kill-day=" + day
						+ " repeats it, -Demporium.services.kill=all kills all seven)");
	}

}

package dev.emporium.faults;

import java.util.HashSet;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KilledServicesTests {

	@Test
	void everyServiceIsKilledTwiceInAnyWeekOfDays() {
		for (long monday = 20_000; monday < 20_007; monday++) {
			var kills = LongStream.range(monday, monday + 7)
				.mapToObj(day -> KilledServices.of("", day).modules())
				.flatMap(modules -> modules.stream())
				.toList();
			assertThat(new HashSet<>(kills)).containsExactlyInAnyOrderElementsOf(ScriptedServices.MODULES);
			ScriptedServices.MODULES
				.forEach(module -> assertThat(kills).as(module).filteredOn(module::equals).hasSize(2));
		}
	}

	@Test
	void aDayKillsTwoDifferentServicesAndSaysWhich() {
		var killed = KilledServices.of("", 20_426);
		assertThat(killed.modules()).hasSize(KilledServices.PER_BUILD).doesNotHaveDuplicates();
		assertThat(killed.description()).contains(killed.modules().toString(), "kill-day=20426", "kill=all");
	}

	@Test
	void allOrAListIsKilledWhenAsked() {
		assertThat(KilledServices.of("all", 1).modules()).isEqualTo(ScriptedServices.MODULES);
		assertThat(KilledServices.of("orders, payments", 1).modules()).containsExactly("orders", "payments");
		assertThatIllegalArgumentException().isThrownBy(() -> KilledServices.of("warehouse", 1))
			.withMessageContaining("warehouse");
	}

}

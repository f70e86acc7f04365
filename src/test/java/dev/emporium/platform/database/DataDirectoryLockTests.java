package dev.emporium.platform.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;

import dev.emporium.EmporiumApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * One process at a time runs the embedded server on a data directory: a second is refused
 * with a message that names the directory and the owner, and the directory of an owner
 * that died is taken over.
 */
class DataDirectoryLockTests {

	@TempDir
	Path temporary;

	private Process owner;

	@AfterEach
	void stopTheOwner() throws InterruptedException {
		if (owner != null) {
			owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void refusesADirectoryThatAnotherLiveProcessHolds() throws Exception {
		var directory = temporary.resolve("postgres");
		owner = holdInAnotherProcess(directory);

		assertThatExceptionOfType(DataDirectoryInUseException.class)
			.isThrownBy(() -> DataDirectoryLock.acquire(directory))
			.withMessage(
					"The embedded PostgreSQL data directory " + directory + " is in use by process " + owner.pid());
	}

	@Test
	void takesTheDirectoryOfAnOwnerThatWasKilled() throws Exception {
		var directory = temporary.resolve("postgres");
		owner = holdInAnotherProcess(directory);
		owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

		try (var lock = DataDirectoryLock.acquire(directory)) {
			assertThat(directory.resolveSibling("postgres.lock")).content()
				.isEqualTo(ProcessHandle.current().pid() + "\n");
		}
	}

	@Test
	void refusesASecondApplicationInTheSameProcess() throws Exception {
		var directory = temporary.resolve("postgres");
		try (var lock = DataDirectoryLock.acquire(directory)) {
			assertThatExceptionOfType(DataDirectoryInUseException.class)
				.isThrownBy(() -> DataDirectoryLock.acquire(directory));
		}
		DataDirectoryLock.acquire(directory).close();
	}

	@Test
	void anApplicationOnAHeldDirectoryFailsToStartWithWhatToDo() throws Exception {
		var directory = temporary.resolve("postgres");
		owner = holdInAnotherProcess(directory);
		var application = new SpringApplication(EmporiumApplication.class);

		var failure = catchThrowable(() -> application.run("--spring.main.banner-mode=off", "--server.port=0",
				"--emporium.embedded-postgres.ephemeral=false",
				"--emporium.embedded-postgres.data-directory=" + directory));

		var analysis = new DataDirectoryInUseAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains(directory.toString()).contains("process " + owner.pid());
		assertThat(analysis.getAction()).contains("EMPORIUM_EMBEDDED_POSTGRES_DATA_DIRECTORY");
		assertThat(owner.isAlive()).isTrue();
	}

	/**
	 * Starts a JVM that takes the directory and holds it until it is stopped.
	 */
	private static Process holdInAnotherProcess(Path directory) throws IOException {
		var java = ProcessHandle.current().info().command().orElse("java");
		var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				HoldsDataDirectory.class.getName(), directory.toString())
			.redirectErrorStream(true)
			.start();
		var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		assertThat(output.readLine()).isEqualTo("held");
		return process;
	}

	/**
	 * Holds a data directory until its standard input closes.
	 */
	static final class HoldsDataDirectory {

		public static void main(String[] args) throws IOException {
			try (var lock = DataDirectoryLock.acquire(Path.of(args[0]))) {
				System.out.println("held");
				System.out.flush();
				System.in.read();
			}
		}

	}

}

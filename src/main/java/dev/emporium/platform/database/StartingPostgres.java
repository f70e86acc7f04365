package dev.emporium.platform.database;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;

/**
 * An embedded PostgreSQL server starting on a thread of its own while the application
 * context is built, and its owner, so that no server outlives the application: the
 * context closes it, or a Spring Boot shutdown handler when a SIGTERM comes before the
 * context can (handlers run after the contexts have closed).
 */
class StartingPostgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(StartingPostgres.class);

	private final CompletableFuture<Running> server;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Runnable onShutdown = this::closeQuietly;

	private StartingPostgres(CompletableFuture<Running> server) {
		this.server = server;
		SpringApplication.getShutdownHandlers().add(onShutdown);
	}

	static StartingPostgres start(EmbeddedPostgresSettings settings) {
		var server = new CompletableFuture<Running>();
		var thread = new Thread(() -> {
			try {
				server.complete(startServer(settings));
			}
			catch (Throwable ex) {
				server.completeExceptionally(ex);
			}
		}, "embedded-postgres-start");
		thread.setDaemon(true);
		thread.start();
		return new StartingPostgres(server);
	}

	/**
	 * The running server, once its start has finished.
	 * @throws IllegalStateException when it could not be started
	 */
	EmbeddedPostgres get() {
		try {
			return server.join().postgres();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("The embedded PostgreSQL server could not be started", ex.getCause());
		}
	}

	@Override
	public void close() throws IOException {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		try {
			SpringApplication.getShutdownHandlers().remove(onShutdown);
		}
		catch (IllegalStateException ex) {
			// Shutting down: the handler runs, and finds the server closed.
		}
		Running started;
		try {
			started = server.join();
		}
		catch (CompletionException ex) {
			return;
		}
		started.close();
	}

	private void closeQuietly() {
		try {
			close();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Stopping the embedded PostgreSQL server at shutdown failed: {}", ex.toString());
		}
	}

	private static Running startServer(EmbeddedPostgresSettings settings) throws IOException {
		var lock = settings.ephemeral() ? null : DataDirectoryLock.acquire(settings.dataDirectory().toAbsolutePath());
		try {
			var postgres = configure(settings).start();
			log.info("Embedded PostgreSQL listening on port {} with data in {}", postgres.getPort(),
					settings.ephemeral() ? "a temporary directory" : settings.dataDirectory().toAbsolutePath());
			return new Running(postgres, lock);
		}
		catch (IOException | RuntimeException ex) {
			if (lock != null) {
				lock.close();
			}
			throw ex;
		}
	}

	private static EmbeddedPostgres.Builder configure(EmbeddedPostgresSettings settings) throws IOException {
		// The application stops the server after everything that uses the database (see
		// close()): a launcher shutdown hook of its own would stop it while requests and
		// event listeners are still finishing.
		var builder = EmbeddedPostgres.builder()
			.setPGStartupWait(Duration.ofSeconds(60))
			.setPort(settings.port())
			.setRegisterShutdownHook(false);
		if (!settings.ephemeral()) {
			var dataDirectory = settings.dataDirectory().toAbsolutePath();
			new LeftoverPostgres(dataDirectory).clear();
			// The launcher's defaults (-F, synchronous_commit=off) trade durability for
			// test speed: a killed server could lose commits it had acknowledged. Data
			// kept between runs is flushed like any production server's.
			builder.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				// Logical decoding, so that a module's schema can be replicated to a
				// service's
				// database while the shop runs (bin/extract, docs/extraction.md);
				// changing it
				// later needs a restart. It costs little extra WAL (docs/extraction.md).
				.setServerConfig("wal_level", "logical");
		}
		return builder;
	}

	/**
	 * A started server and, for a data directory kept on disk, the lock that holds it.
	 */
	private record Running(EmbeddedPostgres postgres, DataDirectoryLock lock) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			try {
				postgres.close();
			}
			finally {
				if (lock != null) {
					lock.close();
				}
			}
		}

	}

}

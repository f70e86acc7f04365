package dev.emporium.platform.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds the embedded server's data directory for this process: an operating-system lock
 * on {@code <directory>.lock}, which the system releases when the process ends, however
 * it ends. A second process on the same directory is refused while the owner lives; a
 * dead owner's directory is recovered as before.
 */
final class DataDirectoryLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the directory for this process.
	 * @throws DataDirectoryInUseException when another live process holds it
	 */
	static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
		var file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
		Files.createDirectories(file.getParent());
		var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		try {
			var lock = tryLock(channel);
			if (lock == null) {
				throw new DataDirectoryInUseException(dataDirectory, Files.readString(file).trim());
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
			channel.force(false);
			return new DataDirectoryLock(channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// Another application in this very JVM holds it.
			return null;
		}
	}

	@Override
	public void close() throws IOException {
		if (channel.isOpen()) {
			try {
				lock.release();
			}
			finally {
				channel.close();
			}
		}
	}

}

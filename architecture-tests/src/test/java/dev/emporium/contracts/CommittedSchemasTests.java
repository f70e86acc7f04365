package dev.emporium.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fixtures.emporium.contracts.ParcelWeighed;
import fixtures.emporium.contracts.ParcelWeighedRevisions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The rules on committed schema files, on a fixture event at version 2
 * ({@link ParcelWeighed}) in a folder of its own: a missing or outdated schema fails with
 * the command that regenerates it, an incompatible change fails with what to do and is
 * never written, a raised version needs its new file and keeps the old one, and files of
 * no event version are reported.
 */
class CommittedSchemasTests {

	static final EventSchemas generator = new EventSchemas();

	@TempDir
	Path folder;

	@Test
	void readsTheVersionTopicAndKeyOfAnEvent() {
		EventContract event = EventContract.of(ParcelWeighed.class);
		assertThat(event.typeId()).isEqualTo("contracts.ParcelWeighed");
		assertThat(event.version()).isEqualTo(2);
		assertThat(event.topic()).isEqualTo("emporium.shipping");
		assertThat(event.keyProperty()).isEqualTo("parcelId");
		assertThat(event.schemaFile()).isEqualTo("contracts.ParcelWeighed.v2.json");
		assertThat(generator.schemaOf(event).get("$id").asString())
			.isEqualTo("https://emporium.dev/events/schemas/contracts.ParcelWeighed.v2.json");
		assertThat(generator.schemaOf(event).get(EventSchemas.VERSION).asInt()).isEqualTo(2);
	}

	@Test
	void rejectsAnEventThatDoesNotNameItsTopicAndKey() {
		assertThatIllegalStateException().isThrownBy(() -> EventContract.of(ParcelWeighedRevisions.GramsRemoved.class))
			.withMessageContaining(
					"is not annotated @Externalized(\"emporium.<producing module>::#{#this.<key " + "property>()}\")");
	}

	@Test
	void aMissingSchemaFailsWithTheCommandThatGeneratesIt() throws IOException {
		commit(ParcelWeighed.class, "contracts.ParcelWeighed", 1);

		assertThat(schemas().check(EventContract.of(ParcelWeighed.class), false))
			.containsExactly("contracts.ParcelWeighed v2 has no committed schema: generate it with ./mvnw test "
					+ "-Dtest=EventContractTests -Demporium.docs.update=true and commit "
					+ folder.resolve("contracts.ParcelWeighed.v2.json"));
	}

	@Test
	void anIncompatibleChangeFailsWithWhatToDoAndIsNeverWritten() throws IOException {
		EventContract event = revision(ParcelWeighedRevisions.GramsAsDecimal.class);
		Path file = commit(ParcelWeighed.class, event.typeId(), 2);
		String committed = Files.readString(file);

		assertThat(schemas().check(event, true)).singleElement()
			.asString()
			.startsWith("contracts.GramsAsDecimal v2 is no longer compatible with its committed schema " + file)
			.contains("  - property 'grams' changed its type (type \"integer\" -> \"number\", format \"int32\" -> "
					+ "(none))")
			.contains("annotate GramsAsDecimal with @EventVersion(3), run ./mvnw test -Dtest=EventContractTests "
					+ "-Demporium.docs.update=true, and commit " + folder.resolve("contracts.GramsAsDecimal.v3.json")
					+ " next to contracts.GramsAsDecimal.v2.json, which stays");
		assertThat(file).hasContent(committed);
	}

	@Test
	void aCompatibleChangeIsOutOfDateUntilRegenerated() throws IOException {
		EventContract event = revision(ParcelWeighedRevisions.CarrierAdded.class);
		commit(ParcelWeighed.class, event.typeId(), 1);
		Path file = commit(ParcelWeighed.class, event.typeId(), 2);

		assertThat(schemas().check(event, false)).singleElement()
			.asString()
			.isEqualTo(file + " is out of date with " + ParcelWeighedRevisions.CarrierAdded.class.getName()
					+ " (the change is compatible): regenerate it with ./mvnw test -Dtest=EventContractTests "
					+ "-Demporium.docs.update=true and commit it");
		assertThat(schemas().check(event, true)).isEmpty();
		assertThat(Files.readString(file)).contains("\"carrier\"");
		assertThat(schemas().check(event, false)).isEmpty();
	}

	@Test
	void aRaisedVersionNeedsItsNewFileAndKeepsTheOldOne() throws IOException {
		EventContract event = EventContract.of(ParcelWeighed.class);
		Path first = commit(ParcelWeighedRevisions.GramsAsDecimal.class, event.typeId(), 1);

		assertThat(schemas().check(event, true)).isEmpty();
		assertThat(folder.resolve("contracts.ParcelWeighed.v2.json")).exists();
		assertThat(first).exists();

		Files.delete(first);
		assertThat(schemas().check(event, false)).singleElement()
			.asString()
			.startsWith(first + " is gone, but events of version 1 may still wait in the outbox or on "
					+ "emporium.shipping");
	}

	@Test
	void reportsFilesOfNoCurrentEventVersion() throws IOException {
		EventContract event = EventContract.of(ParcelWeighed.class);
		commit(ParcelWeighed.class, event.typeId(), 1);
		commit(ParcelWeighed.class, event.typeId(), 2);
		Path future = commit(ParcelWeighed.class, event.typeId(), 3);
		Path removed = commit(ParcelWeighed.class, "contracts.ParcelLost", 1);
		Path notes = Files.writeString(folder.resolve("notes.txt"), "not a schema");

		assertThat(schemas().strays(List.of(event))).containsExactly(removed, future, notes);
	}

	private CommittedSchemas schemas() {
		return new CommittedSchemas(folder, generator);
	}

	/** A revision of the fixture event, at its version and on its topic. */
	private static EventContract revision(Class<?> revision) {
		return new EventContract(revision, "contracts", "emporium.shipping", "parcelId", 2);
	}

	private Path commit(Class<?> record, String typeId, int version) throws IOException {
		return Files.writeString(folder.resolve(EventContract.schemaFile(typeId, version)),
				generator.write(generator.schemaOf(record, typeId, version)));
	}

}

package dev.emporium.platform.datamove;

import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The steps of a data move on two real PostgreSQL servers with {@code wal_level=logical}:
 * the online copy, the changes that follow it, the checksums that tell a copy from the
 * source, the sequences logical replication leaves behind, and the fence. A schema with a
 * sequence, which inventory has not, stands for any module.
 */
class ReplicationTests {

	private static final String MODULE = "shelf";

	private static EmbeddedPostgres sourceServer;

	private static EmbeddedPostgres targetServer;

	@BeforeAll
	static void startServers() throws Exception {
		sourceServer = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical").start();
		targetServer = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical").start();
	}

	@AfterAll
	static void stopServers() throws Exception {
		sourceServer.close();
		targetServer.close();
	}

	@Test
	void copiesTheSchemaFollowsItsChangesAndSetsItsSequences() {
		var source = schemaOn(sourceServer, "source");
		var target = schemaOn(targetServer, "target");
		var sourceSql = JdbcClient.create(sourceServer.getPostgresDatabase());
		var targetSql = JdbcClient.create(targetServer.getPostgresDatabase());
		for (int i = 0; i < 50; i++) {
			sourceSql.sql("INSERT INTO shelf.item (name) VALUES (?)").param("item " + i).update();
		}
		assertThat(source.tablesWithoutReplicaIdentity()).isEmpty();

		var replication = new Replication(source, target, MODULE);
		replication.clear();
		replication.start();
		await().atMost(Duration.ofSeconds(60)).until(replication::copied);
		assertThat(target.rows()).isEqualTo(50);

		// Changes after the initial copy follow, until the copy equals the source.
		sourceSql.sql("UPDATE shelf.item SET name = 'renamed' WHERE id = 7").update();
		sourceSql.sql("DELETE FROM shelf.item WHERE id = 8").update();
		sourceSql.sql("INSERT INTO shelf.item (name) VALUES ('late')").update();
		await().atMost(Duration.ofSeconds(30)).until(() -> source.sums().equals(target.sums()));
		assertThat(targetSql.sql("SELECT name FROM shelf.item WHERE id = 7").query(String.class).single())
			.isEqualTo("renamed");

		// Logical replication leaves the target's sequence where it was.
		assertThat(target.sequences()).containsEntry("item_id_seq", null);
		target.setSequences(source.sequences());
		replication.stop();
		source.raiseFence("the target database");

		assertThat(source.fence()).hasValueSatisfying(fence -> assertThat(fence).contains("moved to the target"));
		assertThat(catchThrowable(() -> sourceSql.sql("INSERT INTO shelf.item (name) VALUES ('stray')").update()))
			.hasMessageContaining("shelf's data was moved to the target database")
			.hasMessageContaining("this copy is stale");
		assertThat(sourceSql.sql("SELECT count(*) FROM pg_replication_slots").query(Long.class).single()).isZero();

		// A checksum tells a copy that differs in one value only.
		targetSql.sql("UPDATE shelf.item SET name = 'changed' WHERE id = 9").update();
		assertThat(target.sums().get("item").rows()).isEqualTo(source.sums().get("item").rows());
		assertThat(target.sums()).isNotEqualTo(source.sums());

		var next = targetSql.sql("INSERT INTO shelf.item (name) VALUES ('new') RETURNING id")
			.query(Long.class)
			.single();
		assertThat(next).as("the target's next id follows the source's last").isEqualTo(52);
		source.lowerFence();
		assertThat(source.fence()).isEmpty();
		sourceSql.sql("INSERT INTO shelf.item (name) VALUES ('written again')").update();
	}

	@Test
	void findsTablesWhoseChangesCouldNotBeReplicated() {
		var schema = schemaOn(sourceServer, "source");
		JdbcClient.create(sourceServer.getPostgresDatabase())
			.sql("CREATE TABLE IF NOT EXISTS shelf.note (text TEXT)")
			.update();
		try {
			assertThat(schema.tablesWithoutReplicaIdentity()).isEqualTo(List.of("note"));
		}
		finally {
			JdbcClient.create(sourceServer.getPostgresDatabase()).sql("DROP TABLE shelf.note").update();
		}
	}

	private static ModuleSchema schemaOn(EmbeddedPostgres server, String name) {
		var sql = JdbcClient.create(server.getPostgresDatabase());
		sql.sql("DROP SCHEMA IF EXISTS shelf CASCADE").update();
		sql.sql("CREATE SCHEMA shelf").update();
		sql.sql("CREATE TABLE shelf.item (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL)").update();
		var database = Database.at(name, server.getJdbcUrl("postgres", "postgres"), "postgres", null);
		return new ModuleSchema(database, MODULE);
	}

}

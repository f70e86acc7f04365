/**
 * The database room: the embedded PostgreSQL server that runs when no server is
 * configured, and the migrations of the modules that run here.
 */
package dev.emporium.platform.database;

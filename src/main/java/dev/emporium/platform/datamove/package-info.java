/**
 * The data-move room: {@code bin/extract}'s command that moves one module's schema
 * between the monolith's database and its service's with the shop running, by logical
 * replication and a short cut-over (docs/extraction.md, "Moving the data").
 */
package dev.emporium.platform.datamove;

package dev.emporium.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an audit of the shop found wrong, by kind: accepted orders that are gone, effects
 * applied twice, flows that did not finish, stock that does not add up, and event
 * publications still incomplete.
 */
final class Findings {

	final List<String> lost = new ArrayList<>();

	final List<String> doubleEffects = new ArrayList<>();

	final List<String> stuck = new ArrayList<>();

	final List<String> stockMismatches = new ArrayList<>();

	final Map<String, Integer> ordersByStatus = new TreeMap<>();

	int openPublications;

	boolean clean() {
		return lost.isEmpty() && doubleEffects.isEmpty() && stuck.isEmpty() && stockMismatches.isEmpty()
				&& openPublications == 0;
	}

	String counts() {
		return "lost=%d doubleEffects=%d stuck=%d stockMismatches=%d openPublications=%d".formatted(lost.size(),
				doubleEffects.size(), stuck.size(), stockMismatches.size(), openPublications);
	}

	String details() {
		var all = new ArrayList<String>();
		lost.forEach(finding -> all.add("lost: " + finding));
		doubleEffects.forEach(finding -> all.add("double effect: " + finding));
		stuck.forEach(finding -> all.add("stuck: " + finding));
		stockMismatches.forEach(finding -> all.add("stock: " + finding));
		return String.join("\n", all.subList(0, Math.min(all.size(), 40)));
	}

}

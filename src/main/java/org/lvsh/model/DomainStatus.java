package org.lvsh.model;

/** domstate: state and reason, both in virsh's words for text and as keys for JSON. */
public record DomainStatus(String name, DomainState state, int reasonCode, String reason) {
}

package org.lvsh.model;

/** uri: the connection's canonical URI. */
public record UriInfo(String uri) {
}

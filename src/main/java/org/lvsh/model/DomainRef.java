package org.lvsh.model;

/** domid, domname, domuuid: the three names of one domain (id null when it is not running). */
public record DomainRef(Integer id, String name, String uuid) {
}

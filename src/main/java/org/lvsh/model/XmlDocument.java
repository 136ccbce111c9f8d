package org.lvsh.model;

/** --xml under -o json/yaml/csv: libvirt's document as one value, so every format can hold it. */
public record XmlDocument(String xml) {
}

package nl.geboorteketen.benchmark;

/** A family known to be stored, for reads and searches: ids are "Type/id". */
public record StoredFamily(String woman, String bsn, String episode, String child) {}

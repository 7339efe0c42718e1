package nl.geboorteketen.server.storage;

/**
 * A record's JSON stays in its row. HAPI keeps a version's text in a CLOB column, and H2 keeps a
 * CLOB longer than 256 bytes (its {@code MAX_LENGTH_INPLACE_LOB}) apart from the row, in its own LOB
 * maps: every insert wrote the text there, copied it to the table's reference and removed the
 * temporary one, and every read looked it up again. Texts up to {@value #IN_ROW_BYTES} bytes now stay
 * in the row: every record of the example family but its handover document (21 kB). Longer ones
 * (that document, definitions with snapshots) are kept apart as before. H2 remembers the setting in
 * the database; texts stored before keep their place. PostgreSQL keeps long texts apart itself.
 */
public final class H2RecordText {

  static final int IN_ROW_BYTES = 16_384;

  private H2RecordText() {}

  public static String url(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:h2:") ? H2Url.withSetting(jdbcUrl, "MAX_LENGTH_INPLACE_LOB", IN_ROW_BYTES) : jdbcUrl;
  }
}

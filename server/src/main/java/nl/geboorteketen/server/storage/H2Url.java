package nl.geboorteketen.server.storage;

import java.util.Locale;

/** H2 settings the server adds to a JDBC URL; a setting the operator's URL names already wins. */
final class H2Url {

  private H2Url() {}

  static String withSetting(String jdbcUrl, String name, Object value) {
    return jdbcUrl.toUpperCase(Locale.ROOT).contains(name) ? jdbcUrl : jdbcUrl + ";" + name + "=" + value;
  }
}
